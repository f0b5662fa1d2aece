"""The public directory and profiles: filters with counts, search, the empty state,
suggested mentors, and who can see a profile that is not listed."""

import pytest
from django.urls import reverse

from academy.models import Region
from champions import services
from champions.models import ChampionProfile
from cms_pages.models import Theme
from good_practice.models import ServiceArea
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    case_study,
    champion,
    lga_administrator,
    mentoring_under_way,
    open_session,
)

pytestmark = pytest.mark.django_db
DIRECTORY = reverse("champions:directory")


def theme(slug):
    return Theme.objects.get(slug=slug)


def area(slug):
    return ServiceArea.objects.get(slug=slug)


@pytest.fixture
def network():
    """Four champions: two who know about data, in different regions and kinds."""
    return {
        "ada": champion(
            UserFactory(full_name="Ada Lovelace"),
            role="Chief digital officer",
            region=Region.NORTH_WEST,
            themes=[theme("data")],
            service_areas=[area("adult-social-care")],
        ),
        "ben": champion(
            UserFactory(full_name="Ben Carter"),
            kind=ChampionProfile.Kind.MEMBER,
            role="Cabinet member for digital",
            region=Region.SOUTH_EAST,
            themes=[theme("data"), theme("inclusion")],
            delivered="Free wifi in every library, and a digital skills programme.",
        ),
        "cat": champion(
            UserFactory(full_name="Cat Singh"),
            region=Region.NORTH_WEST,
            service_areas=[area("housing")],
            accepting_mentees=False,
        ),
        "hidden": champion(UserFactory(full_name="Hidden Person"), is_listed=False),
    }


def names(response):
    return [profile.person.full_name for profile in response.context["directory"].page_obj]


def test_the_directory_lists_every_listed_champion_by_name(client, network):
    response = client.get(DIRECTORY)

    assert response.status_code == 200
    assert names(response) == ["Ada Lovelace", "Ben Carter", "Cat Singh"]
    assert "Hidden Person" not in response.content.decode()


def test_filters_narrow_the_list_and_count_each_option(client, network):
    response = client.get(DIRECTORY, {"theme": "data", "region": Region.NORTH_WEST})

    assert names(response) == ["Ada Lovelace"]
    facets = {facet.param: facet for facet in response.context["directory"].facets}
    counts = {option.value: option.count for option in facets["region"].options}
    # Each filter's counts are as if only that filter changed: two data champions by region.
    assert counts[Region.NORTH_WEST] == 1
    assert counts[Region.SOUTH_EAST] == 1
    theme_counts = {option.value: option.count for option in facets["theme"].options}
    assert theme_counts["data"] == 1
    assert theme_counts["inclusion"] == 0
    shown = response.content.decode()
    assert 'Remove<span class="govuk-visually-hidden"> the filter</span> Data' in shown


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "member"}, ["Ben Carter"]),
        ({"area": "housing"}, ["Cat Singh"]),
        ({"area": ["housing", "adult-social-care"]}, ["Ada Lovelace", "Cat Singh"]),
        ({"accepting": "yes"}, ["Ada Lovelace", "Ben Carter"]),
        ({"q": "library wifi"}, ["Ben Carter"]),
        ({"q": "cabinet"}, ["Ben Carter"]),
        ({"q": "lovelace"}, ["Ada Lovelace"]),
        ({"q": "inclusion"}, ["Ben Carter"]),
    ],
)
def test_filters_and_words_find_the_right_champions(client, network, params, expected):
    assert names(client.get(DIRECTORY, params)) == expected


def test_the_accepting_filter_leaves_out_champions_with_no_room_and_still_counts(client, network):
    ben = network["ben"]
    ChampionProfile.objects.filter(pk=ben.pk).update(mentee_capacity=1)
    ben.refresh_from_db()
    mentoring_under_way(ben)

    response = client.get(DIRECTORY, {"accepting": "yes"})

    assert names(response) == ["Ada Lovelace"]
    facets = {facet.param: facet for facet in response.context["directory"].facets}
    counts = {option.value: option.count for option in facets["theme"].options}
    assert counts["data"] == 1
    # Unfiltered, Ben is listed but not as taking on mentees.
    cards = client.get(DIRECTORY).content.decode().split('class="academy-champion"')[1:]
    taking = [card for card in cards if "Taking on mentees" in card]
    assert len(taking) == 1
    assert "Ada Lovelace" in taking[0]


def test_unknown_filter_values_are_ignored_not_an_error(client, network):
    response = client.get(
        DIRECTORY, {"theme": "no-such-theme", "region": "atlantis", "kind": "x", "page": "999"}
    )

    assert response.status_code == 200
    assert names(response) == ["Ada Lovelace", "Ben Carter", "Cat Singh"]


def test_nothing_found_suggests_what_to_try(client, network):
    response = client.get(DIRECTORY, {"q": "zeppelin", "theme": "data"})

    shown = response.content.decode()
    assert "No champions match ‘zeppelin’ these filters" in shown
    assert reverse("champions:find-mentor") in shown


def test_the_directory_pages_through_many_champions(client):
    for number in range(23):
        champion(UserFactory(full_name=f"Champion {number:02d}"))

    first = client.get(DIRECTORY)
    second = client.get(DIRECTORY, {"page": 2})

    assert len(names(first)) == 20
    assert names(second) == ["Champion 20", "Champion 21", "Champion 22"]
    assert "page 2 of 2" in second.content.decode()


def test_a_profile_shows_expertise_case_studies_and_the_way_to_ask(client, network):
    study = case_study(title="Joined-up care records in Lancashire")
    ada = network["ada"]
    ada.case_studies.add(study)

    response = client.get(reverse("champions:profile", args=[ada.slug]))

    shown = response.content.decode()
    assert response.status_code == 200
    assert "Ada Lovelace" in shown
    assert "Chief digital officer" in shown
    assert "Joined-up care records in Lancashire" in shown
    assert f"{DIRECTORY}?theme=data" in shown
    assert reverse("champions:ask", args=[ada.slug]) in shown


def test_a_profile_not_taking_mentees_says_so_and_points_elsewhere(client, network):
    shown = client.get(reverse("champions:profile", args=[network["cat"].slug])).content.decode()

    assert "not taking on mentees" in shown
    assert reverse("champions:ask", args=[network["cat"].slug]) not in shown


def test_an_unlisted_profile_is_seen_only_by_its_champion_and_lga_staff(client, network):
    hidden = network["hidden"]
    path = reverse("champions:profile", args=[hidden.slug])

    assert client.get(path).status_code == 404
    client.force_login(UserFactory())
    assert client.get(path).status_code == 404
    assert client.get(reverse("champions:ask", args=[hidden.slug])).status_code == 404
    client.force_login(hidden.person)
    assert "not shown in the directory" in client.get(path).content.decode()
    client.force_login(lga_administrator())
    assert client.get(path).status_code == 200


def test_a_deactivated_champion_disappears(client, network):
    ada = network["ada"]
    ada.person.is_active = False
    ada.person.save()

    assert "Ada Lovelace" not in client.get(DIRECTORY).content.decode()
    assert client.get(reverse("champions:profile", args=[ada.slug])).status_code == 404


def test_find_a_mentor_ranks_by_expertise_then_region_then_room(client, network):
    mentee = UserFactory(organisation=OrganisationFactory(region=Region.SOUTH_EAST))
    client.force_login(mentee)

    response = client.get(
        reverse("champions:find-mentor"), {"theme": ["data", "inclusion"], "area": "housing"}
    )

    suggestions = response.context["suggestions"]
    # Ben knows two of the three and is in the mentee's region; Ada knows one; Cat is not
    # taking mentees.
    assert [s.profile.person.full_name for s in suggestions] == ["Ben Carter", "Ada Lovelace"]
    assert suggestions[0].reasons == [
        "Knows about Data, Inclusion",
        "In your region",
        "2 places free",
    ]
    assert "Knows about Data" in response.content.decode()


def test_find_a_mentor_refuses_unknown_terms_with_a_message(client, network):
    response = client.get(reverse("champions:find-mentor"), {"theme": "nonsense"})

    assert response.status_code == 200
    assert "Choose themes from the list." in response.content.decode()


def test_a_champion_keeps_their_profile_up_to_date(client, network):
    ada = network["ada"]
    client.force_login(ada.person)
    path = reverse("champions:edit-profile")

    assert client.get(path).status_code == 200
    response = client.post(
        path,
        {
            "role": "Director of digital",
            "region": Region.NORTH_WEST,
            "delivered": "A shared data platform for five boroughs.",
            "accepting_mentees": "on",
            "mentee_capacity": "3",
            "themes": [theme("data").pk, theme("security-and-resilience").pk],
        },
    )

    assert response.status_code == 302
    ada.refresh_from_db()
    assert ada.role == "Director of digital"
    assert ada.mentee_capacity == 3
    assert {t.slug for t in ada.themes.all()} == {"data", "security-and-resilience"}
    assert not ada.service_areas.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"mentee_capacity": "0"}, "Enter 1 or more."),
        ({"mentee_capacity": "11"}, "Enter 10 or fewer."),
        ({"mentee_capacity": "two"}, "Enter a whole number, like 2."),
        ({"role": ""}, "Enter your role."),
        ({"region": "atlantis"}, "Choose a region from the list."),
        ({"delivered": ""}, "Say what you have delivered."),
    ],
)
def test_a_profile_with_bad_input_is_refused_with_a_message(client, network, changes, message):
    ada = network["ada"]
    client.force_login(ada.person)
    data = {
        "role": "Director of digital",
        "region": Region.NORTH_WEST,
        "delivered": "A shared data platform.",
        "mentee_capacity": "3",
        **changes,
    }

    response = client.post(reverse("champions:edit-profile"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    ada.refresh_from_db()
    assert ada.role == "Chief digital officer"


def test_only_champions_have_a_profile_to_edit(client):
    client.force_login(UserFactory())

    assert client.get(reverse("champions:edit-profile")).status_code == 404


def test_a_new_champion_gets_an_address_from_their_name_and_the_role(network):
    person = UserFactory(full_name="Ada Lovelace")

    made = champion(person)

    assert made.slug == "ada-lovelace-2"
    assert person.groups.filter(name="Digital champion").exists()


def test_only_lga_staff_add_champions():
    person = UserFactory()

    with pytest.raises(services.exceptions.NotYours):
        services.create_profile(person=person, by=UserFactory(), kind="officer", delivered="x")


def test_expertise_outranks_region_and_region_outranks_room(client):
    data, inclusion = theme("data"), theme("inclusion")
    near = OrganisationFactory(region=Region.SOUTH_EAST)
    champion(  # knows one, nearby, lots of room
        UserFactory(full_name="Near One", organisation=near),
        region=Region.SOUTH_EAST,
        themes=[data],
        mentee_capacity=3,
    )
    champion(  # knows both, far away, one place
        UserFactory(full_name="Far Both"),
        region=Region.NORTH_EAST,
        themes=[data, inclusion],
        mentee_capacity=1,
    )
    champion(  # knows one, far away, lots of room
        UserFactory(full_name="Far One Roomy"),
        region=Region.NORTH_EAST,
        themes=[data],
        mentee_capacity=3,
    )
    champion(  # knows one, far away, one place
        UserFactory(full_name="Far One"), region=Region.NORTH_EAST, themes=[data]
    )
    client.force_login(UserFactory(organisation=OrganisationFactory(region=Region.SOUTH_EAST)))

    response = client.get(reverse("champions:find-mentor"), {"theme": ["data", "inclusion"]})

    assert [s.profile.person.full_name for s in response.context["suggestions"]] == [
        "Far Both",
        "Near One",
        "Far One Roomy",
        "Far One",
    ]


def test_a_search_with_a_nul_character_is_not_an_error(client, network):
    response = client.get(DIRECTORY, {"q": "Ada\x00Lovelace"})

    assert response.status_code == 200
    assert names(response) == ["Ada Lovelace"]


def test_a_deactivated_champions_sessions_go_with_them(client, network):
    session = open_session(network["ada"])
    network["ada"].person.is_active = False
    network["ada"].person.save()

    assert session.title not in client.get(reverse("champions:sessions")).content.decode()
    assert client.get(reverse("champions:session", args=[session.pk])).status_code == 404
    with pytest.raises(services.exceptions.SessionClosed):
        services.register(session=session, person=UserFactory())
