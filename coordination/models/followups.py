"""See coordination/models/__init__.py."""
__all__ = []
