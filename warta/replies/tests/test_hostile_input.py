"""The hak jawab form under hostile input: the form, never a server error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("story", ["99999999999999999999", "%C2%B2", "9" * 4301, "a%00b"])
def test_a_story_parameter_that_is_no_id_leaves_the_form_empty(client, story):
    """?story= beyond 64 bits, "²" (a digit to str.isdigit, not to int) or 4,301 digits:
    the form without a story filled in (200), not a 500."""
    client.raise_request_exception = False
    response = client.get(f"/hak-jawab/?story={story}")
    assert response.status_code == 200
    assert response.context["form"]["story"].value() in (None, "")
