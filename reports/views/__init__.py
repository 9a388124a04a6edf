"""Views of the reports app, one module per area: intake, public, cases, exports."""
