"""The settlement journal links each line to its settlement; account codes read left to right."""


def test_journal_lines_link_their_settlement(login, finance, mehr_approved):
    page = login(finance).get("/settlements/journal/").content.decode()
    assert f'href="/settlements/{mehr_approved.pk}/"' in page
    assert '<bdi dir="ltr">2120</bdi>' in page  # the agents' account, a code
