from aftersales.core.models import ApiToken


def test_a_user_creates_a_token_sees_it_once_and_only_its_hash_is_kept(operator, login):
    client = login(operator)
    response = client.post("/account/tokens/", {"name": "ERP"})
    key = response.context["new_key"]
    assert key.startswith("as_") and key in response.content.decode()
    token = ApiToken.objects.get(user=operator)
    assert token.digest == ApiToken.hash(key) and key not in (token.prefix + token.digest)
    assert key not in client.get("/account/").content.decode()
    assert client.get("/api/v1/units/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_a_revoked_token_no_longer_opens_the_api(operator, login, client):
    session = login(operator)
    key = session.post("/account/tokens/", {"name": "ERP"}).context["new_key"]
    token = ApiToken.objects.get(user=operator)
    session.post(f"/account/tokens/{token.pk}/revoke/")
    assert client.get("/api/v1/units/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_the_language_choice_is_remembered_on_the_account(operator, login):
    client = login(operator)
    client.post("/language/", {"language": "it", "next": "/"})
    operator.refresh_from_db()
    assert operator.language == "it"
    assert 'lang="it"' in client.get("/").content.decode()


def test_the_language_switch_does_not_redirect_off_site(operator, login):
    response = login(operator).post(
        "/language/", {"language": "fa", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_password_reset_sends_an_email_with_a_working_link(operator, client, mailoutbox):
    client.post("/accounts/password/reset/", {"email": operator.email})
    assert len(mailoutbox) == 1
    link = next(w for w in mailoutbox[0].body.split() if "/accounts/password/reset/" in w)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    done = client.post(
        form_path, {"new_password1": "N3w-Pass-phrase!", "new_password2": "N3w-Pass-phrase!"}
    )
    assert done.status_code == 302
    operator.refresh_from_db()
    assert operator.check_password("N3w-Pass-phrase!")
