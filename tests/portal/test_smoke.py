def test_home_requires_login(client, db):
    """An anonymous visitor is sent to the login page."""
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/masuk/")


def test_home_shows_jurisdiction(client_for, semarang_staff):
    response = client_for(semarang_staff).get("/")
    assert response.status_code == 200
    assert "Kota Semarang" in response.content.decode()
