"""The entity rules an editor asked for (issue #15): typed by vote and by the name's own words, titles
stripped, headline capitals and sign-offs dropped, variants merged, names not cut, non-names left out.

The mentions are built as the pipeline builds them (``entities.mention_at`` over the text, with the
labels a small NER model gives), so each rule is read with the words around the name."""

from summarizer.stages import entities


def found(text: str, *tagged: tuple[str, str]) -> dict[tuple[str, str], int]:
    """The entities of ``text`` whose NER mentions are ``tagged`` (name, label), in order of appearance."""
    mentions, at = [], 0
    for name, label in tagged:
        at = text.index(name, at)
        mentions.append(entities.mention_at(text, at, name, label))
        at += len(name)
    return {(e.text, e.type): e.count for e in entities.merge(mentions)}


def pairs(*tagged: tuple[str, str]) -> dict[tuple[str, str], int]:
    return {(e.text, e.type): e.count for e in entities.merge(list(tagged))}


def test_a_names_own_words_say_its_type():
    got = pairs(("Chrysler Corp", "PERSON"), ("Labour Party", "GPE"), ("Metropolitan Police", "PERSON"),
                ("Bank of England", "PERSON"), ("Tate & Lyle", "PERSON"), ("Goodison Park", "ORG"))
    assert got == {("Chrysler Corp", "organization"): 1, ("Labour Party", "organization"): 1,
                   ("Metropolitan Police", "organization"): 1, ("Bank of England", "organization"): 1,
                   ("Tate & Lyle", "organization"): 1, ("Goodison Park", "place"): 1}


def test_a_courtesy_title_makes_a_person_and_the_type_is_voted_over_mentions():
    text = "Mr Ebbers quit. Bernie Ebbers ran WorldCom. Sainsbury said sales rose; Sainsbury shares fell at Sainsbury."
    got = found(text, ("Mr Ebbers", "ORG"), ("Bernie Ebbers", "ORG"), ("WorldCom", "ORG"), ("Sainsbury", "PERSON"),
                ("Sainsbury", "ORG"), ("Sainsbury", "ORG"))
    assert got == {("Bernie Ebbers", "person"): 2, ("Sainsbury", "organization"): 3, ("WorldCom", "organization"): 1}


def test_titles_are_not_shown_with_a_full_name():
    got = pairs(("President Barack Obama", "PERSON"), ("Barack Obama", "PERSON"), ("Prime Minister Tony Blair", "PERSON"),
                ("Peter Vallone Jr", "PERSON"))
    assert got == {("Barack Obama", "person"): 2, ("Tony Blair", "person"): 1, ("Peter Vallone", "person"): 1}


def test_headline_and_dateline_capitals_and_wire_sign_offs_are_not_names():
    text = ("BAKER MEETS SHAMIR ON PEACE PLAN\n"
            "  WASHINGTON (Reuters) - Secretary of State James Baker met Yitzhak Shamir of\n"
            "Israel in Jerusalem on Monday, officials said. Reuters")
    got = found(text, ("BAKER MEETS SHAMIR", "ORG"), ("WASHINGTON", "GPE"), ("Reuters", "ORG"), ("James Baker", "PERSON"),
                ("Yitzhak Shamir", "PERSON"), ("Israel", "GPE"), ("Jerusalem", "GPE"),
                ("Monday", "ORG"), ("Reuters", "ORG"))
    assert got == {("James Baker", "person"): 1, ("Israel", "place"): 1, ("Yitzhak Shamir", "person"): 1,
                   ("Jerusalem", "place"): 1}


def test_a_headline_word_in_capitals_counts_toward_the_name_the_body_gives():
    text = ("CHRYSLER RAISES DIVIDEND\n  Chrysler Corp said on Tuesday it would raise its dividend. Chrysler Corp\n"
            "shares gained.")
    got = found(text, ("CHRYSLER", "ORG"), ("DIVIDEND", "ORG"), ("Chrysler Corp", "ORG"), ("Chrysler Corp", "ORG"))
    assert got == {("Chrysler Corp", "organization"): 3}


def test_an_acronym_joins_the_name_it_stands_for():
    got = pairs(("Food and Drug Administration", "ORG"), ("FDA", "ORG"), ("FDA", "GPE"), ("Merck", "ORG"),
                ("United States", "GPE"), ("US", "GPE"))
    assert got == {("Food and Drug Administration", "organization"): 3, ("United States", "place"): 2,
                   ("Merck", "organization"): 1}


def test_a_surname_joins_the_person_whatever_its_tag():
    text = "Alexis Sanchez scored twice. Wenger said Sanchez was tired, and Arsenal rested Sanchez."
    got = found(text, ("Alexis Sanchez", "PERSON"), ("Wenger", "PERSON"), ("Sanchez", "GPE"), ("Arsenal", "ORG"),
                ("Sanchez", "ORG"))
    assert got == {("Alexis Sanchez", "person"): 3, ("Arsenal", "organization"): 1}


def test_a_short_company_name_joins_the_full_name_said_before_it():
    got = pairs(("Goldman Sachs", "ORG"), ("Goldman", "ORG"), ("Goldman", "ORG"), ("Apple", "ORG"),
                ("Apple Stores", "ORG"), ("Apple", "ORG"))
    # Apple is named before "Apple Stores": a company and its shops, not one name said twice.
    assert got == {("Goldman Sachs", "organization"): 3, ("Apple", "organization"): 2,
                   ("Apple Stores", "organization"): 1}


def test_a_possessive_name_is_kept_whole():
    text = "The women were held at Yarl's Wood in Bedfordshire. Yarl's Wood has 400 beds."
    got = found(text, ("Yarl's Wood", "PERSON"), ("Bedfordshire", "GPE"), ("Yarl's Wood", "ORG"))
    assert got == {("Yarl's Wood", "organization"): 2, ("Bedfordshire", "place"): 1}


def test_weekdays_months_and_links_are_not_names():
    text = "On Monday, in January, the site www.bbc.co.uk/news said Acme Corp would reply by Friday."
    got = found(text, ("Monday", "ORG"), ("January", "GPE"), ("www.bbc.co.uk/news", "ORG"), ("Acme Corp", "ORG"),
                ("Friday", "PERSON"))
    assert got == {("Acme Corp", "organization"): 1}


def test_a_date_run_into_the_end_of_a_name_is_no_part_of_it():
    text = ("Surrey begin their season at Glamorgan on April 19 and the band Queen's Brian May plays at the March of "
            "Dimes gala at Wembley Stadium on May 3, 2011 in London.")
    got = found(text, ("Surrey", "ORG"), ("Glamorgan on April 19", "FAC"), ("Brian May", "PERSON"),
                ("March of Dimes", "ORG"), ("Wembley Stadium on May 3, 2011", "FAC"), ("London", "GPE"))
    assert ("Glamorgan", "place") in got and ("Wembley Stadium", "place") in got
    assert ("Brian May", "person") in got and ("March of Dimes", "organization") in got  # a month in a name stays
    assert not any("April" in name or "2011" in name for name, _ in got)


def test_a_one_word_name_seen_once_with_thin_evidence_is_left_out():
    # "Group" is a plain word of the article and "Palace" opens a sentence: once each, they are left out;
    # "Nokia", in mid-sentence and never a plain word, stays.
    text = "The group said profit rose. Palace officials were not told. Shares in Nokia and the Group rose."
    got = found(text, ("Palace", "ORG"), ("Nokia", "ORG"), ("Group", "ORG"))
    assert got == {("Nokia", "organization"): 1}


def test_a_person_run_on_after_an_organisations_name_is_taken_out():
    text = ("A delegation led by Chairman of the Council of the Republic Natalya Kochanova arrived.\n"
            "Natalya Kochanova, Chairperson of the Council of the Republic of the National Assembly of Belarus:")
    got = found(text, ("the Council of the Republic Natalya Kochanova", "ORG"),
                ("the Council of the Republic of the National Assembly of Belarus", "ORG"))
    assert got == {("Council of the Republic", "organization"): 1, ("Natalya Kochanova", "person"): 1,
                   ("Council of the Republic of the National Assembly of Belarus", "organization"): 1}
    # The model's own PERSON tag elsewhere is evidence enough; without any, the name stays whole, and an
    # organisation's own words ("Foreign Affairs", "National Assembly") are never taken for a person.
    got = pairs(("Committee of the Senate John Smith", "ORG"), ("John Smith", "PERSON"),
                ("Ministry of the Interior Jane Doe", "ORG"), ("Council of the Republic National Assembly", "ORG"))
    assert got == {("Committee of the Senate", "organization"): 1, ("John Smith", "person"): 2,
                   ("Ministry of the Interior Jane Doe", "organization"): 1,
                   ("Council of the Republic National Assembly", "organization"): 1}


def test_a_place_named_once_is_kept_when_known_or_said_as_a_place():
    text = ("The young England player and Britain's coach met at an east London station. He bought a Ferrari and "
            "called it the Achilles' heel of a Seattle-based firm that trades with France.")
    got = found(text, ("England", "GPE"), ("Britain", "GPE"), ("London", "GPE"), ("Ferrari", "GPE"),
                ("Achilles", "GPE"), ("Seattle", "GPE"), ("France", "GPE"))
    # "a Ferrari" and "the Achilles' heel" are tagged as places by the small model, and are none.
    assert got == {("England", "place"): 1, ("Britain", "place"): 1, ("London", "place"): 1, ("Seattle", "place"): 1,
                   ("France", "place"): 1}
    assert {"france", "london", "dubai", "europe", "england"} <= entities.known_places()


def test_a_towns_name_said_as_a_team_in_a_match_report_is_the_club():
    text = ("Northampton beat Sale 45-10 in the league. Tom Wood scored a try for Northampton, as Northampton romped "
            "to victory, and Newcastle manager Graeme Souness watched the match with the England coach.")
    got = found(text, ("Northampton", "GPE"), ("Sale", "GPE"), ("Tom Wood", "PERSON"), ("Northampton", "GPE"),
                ("Northampton", "GPE"), ("Newcastle", "GPE"), ("Graeme Souness", "PERSON"), ("England", "GPE"))
    assert got == {("Northampton", "organization"): 3, ("Sale", "organization"): 1, ("Tom Wood", "person"): 1,
                   ("Newcastle", "organization"): 1,
                   ("Graeme Souness", "person"): 1, ("England", "place"): 1}
    # Outside a match report a town is a town.
    assert found("The council in Northampton voted for Northampton to get a road.", ("Northampton", "GPE"),
                 ("Northampton", "GPE")) == {("Northampton", "place"): 2}


def test_a_full_name_tagged_once_as_a_person_and_once_otherwise_is_a_person():
    got = pairs(("Kunta Kinte", "GPE"), ("Kunta Kinte", "PERSON"))
    assert got == {("Kunta Kinte", "person"): 2}


def test_a_given_name_and_a_surname_tagged_otherwise_are_a_persons():
    text = "Roy Hodgson said Margo Wootan and Moises Quiñones met Morgan Stanley, Mercedes Benz and Mercedes."
    got = found(text, ("Roy Hodgson", "ORG"), ("Margo Wootan", "GPE"), ("Moises Quiñones", "ORG"),
                ("Morgan Stanley", "ORG"), ("Mercedes Benz", "ORG"), ("Mercedes", "ORG"))
    # "Morgan Stanley": the surname is a given name too; "Mercedes Benz": the article names "Mercedes" a company.
    assert got == {("Roy Hodgson", "person"): 1, ("Margo Wootan", "person"): 1, ("Moises Quiñones", "person"): 1,
                   ("Morgan Stanley", "organization"): 1, ("Mercedes Benz", "organization"): 2}
    assert entities.reads_as_person(["Jamaal", "Wilkes"])
    assert not entities.reads_as_person(["Virginia", "Tech"]) and not entities.reads_as_person(["Jordan", "Valley"])


def test_clubs_are_organisations():
    text = ("Manchester City beat Crystal Palace in the league and City scored a late goal; the match left "
            "the manager cheering. Sheffield United sold a player.")
    got = found(text, ("Manchester City", "GPE"), ("Crystal Palace", "PERSON"), ("City", "PERSON"),
                ("Sheffield United", "GPE"))
    assert got == {("Manchester City", "organization"): 2, ("Crystal Palace", "organization"): 1,
                   ("Sheffield United", "organization"): 1}
    # Outside a match report "Mexico City" is a city and "Manchester United" still a club.
    assert found("Mexico City and Manchester United", ("Mexico City", "GPE"), ("Manchester United", "PERSON")) == {
        ("Mexico City", "place"): 1, ("Manchester United", "organization"): 1}


def test_portfolios_and_adjectives_of_nations_are_not_names():
    text = ("The Finance Minister met the Secretary of State and an Emirati envoy. Russian Igor Andreev won, "
            "and Christian Dior Couture and Oman grew.")
    got = found(text, ("Finance", "ORG"), ("State", "ORG"), ("Emirati", "GPE"), ("Russian Igor Andreev", "PERSON"),
                ("Christian Dior Couture", "ORG"), ("Oman", "GPE"))
    assert got == {("Igor Andreev", "person"): 1, ("Christian Dior Couture", "organization"): 1,
                   ("Oman", "place"): 1}
    assert entities.is_demonym("Brazilian") and not entities.is_demonym("Christian")


def test_a_person_is_never_named_with_and():
    assert pairs(("United and City", "PERSON"), ("Tom and Jerry Smith", "PERSON")) == {}


def test_prizes_and_events_are_not_names_and_a_places_acronym_is_a_place():
    got = pairs(("Golden Globes", "GPE"), ("Davis Cup", "PERSON"), ("French Open", "PERSON"), ("Tony Award", "ORG"),
                ("NSW", "ORG"), ("NSW", "ORG"), ("EU", "ORG"))
    assert got == {("NSW", "place"): 2, ("EU", "organization"): 1}


def test_a_place_run_before_a_word_tagged_as_a_person_makes_a_team_or_firm():
    text = "London Scorpions lost in London. Paris Hilton, London Lee and Jordi Arrese watched."
    got = found(text, ("London Scorpions", "PERSON"), ("London", "GPE"), ("Paris Hilton", "PERSON"),
                ("London Lee", "PERSON"), ("Jordi Arrese", "PERSON"))
    # "Lee" is a surname: "London Lee" may be a person's name.
    assert got == {("London Scorpions", "organization"): 1, ("London", "place"): 1, ("Paris Hilton", "person"): 1,
                   ("London Lee", "person"): 1, ("Jordi Arrese", "person"): 1}


def test_a_full_name_tagged_otherwise_beside_its_surname_tagged_as_a_person_is_a_persons():
    got = pairs(("Cesc Fabregas", "ORG"), ("Fabregas", "PERSON"), ("Fabregas", "PERSON"), ("HTC Thunderbolt", "ORG"),
                ("Thunderbolt", "PERSON"), ("American Idol", "ORG"), ("Idol", "PERSON"))
    assert got == {("Cesc Fabregas", "person"): 3, ("HTC Thunderbolt", "organization"): 1,
                   ("American Idol", "organization"): 1}


def test_an_owner_named_nowhere_else_is_part_of_the_name():
    text = "Nation's Restaurant News said Azerbaijan’s Ganja Automobile Plant and Britain's Gordon Brown met."
    got = found(text, ("Nation's Restaurant News", "ORG"), ("Azerbaijan’s Ganja Automobile Plant", "ORG"),
                ("Britain's Gordon Brown", "PERSON"))
    assert got == {("Nation's Restaurant News", "organization"): 1, ("Ganja Automobile Plant", "organization"): 1,
                   ("Gordon Brown", "person"): 1}


def test_a_name_cut_short_by_the_model_is_made_whole():
    text = ("President Susilo Bambang Yudhoyono met the Center for Science in the Public Interest, which cited "
            "Physical Review D, and Gordon Brown's Budget To Come, at the Electoral Commission on Monday.")
    got = found(text, ("Susilo Bambang", "PERSON"), ("Yudhoyono", "ORG"), ("Center for Science", "ORG"),
                ("Public Interest", "ORG"), ("Physical Review", "ORG"), ("Gordon Brown's", "PERSON"),
                ("Electoral Commission", "ORG"))
    assert got == {("Susilo Bambang Yudhoyono", "person"): 1,
                   ("Center for Science in the Public Interest", "organization"): 1,
                   ("Physical Review D", "organization"): 1, ("Gordon Brown", "person"): 1,
                   ("Electoral Commission", "organization"): 1}


def test_a_firms_name_keeps_the_possessive_it_always_has():
    text = "Standard & Poor's cut Dr Reddy's to junk; Standard & Poor's said Dr Reddy's shares and Dr Smith's fell."
    got = found(text, ("Standard & Poor", "ORG"), ("Dr Reddy", "ORG"), ("Standard & Poor", "ORG"),
                ("Dr Reddy", "ORG"), ("Dr Smith", "PERSON"))
    assert got == {("Standard & Poor's", "organization"): 2, ("Dr Reddy's", "organization"): 2,
                   ("Dr Smith", "person"): 1}
    # The model's span may hold the "'s" itself.
    assert found(text, ("Standard & Poor's", "ORG"), ("Standard & Poor's", "ORG")) == {
        ("Standard & Poor's", "organization"): 2}


def test_titles_of_works_are_not_names():
    text = ("Jane Doe starred in the film Hotel Rwanda and sang “Blue Moon,” on the programme Morning Talk. "
            "Hotel Rwanda won praise. Jane Doe later joined the Britney Spears tour in Leeds.")
    got = found(text, ("Jane Doe", "PERSON"), ("Hotel Rwanda", "ORG"), ("Blue Moon", "PERSON"),
                ("Morning Talk", "ORG"), ("Hotel Rwanda", "ORG"), ("Jane Doe", "PERSON"),
                ("Britney Spears", "PERSON"), ("Leeds", "GPE"))
    assert got == {("Jane Doe", "person"): 2, ("Britney Spears", "person"): 1, ("Leeds", "place"): 1}
    # A word that says a work, at the end of the sentence before, says nothing of the name after it.
    text = "He signed for the movie.\n\nJoss Whedon said so."
    assert found(text, ("Joss Whedon", "PERSON")) == {("Joss Whedon", "person"): 1}
    # The word after a name says a work only of a name the model tags as a person: "the NBC series" is NBC's. A name
    # going on after the word before ("the song Band Aid 20") is no title of its first words ("Band Aid").
    text = "The Wonder Woman movie and the NBC series. NBC said the song Band Aid 20 helped Band Aid."
    assert found(text, ("Wonder Woman", "PERSON"), ("NBC", "ORG"), ("NBC", "ORG"), ("Band Aid 20", "ORG"),
                 ("Band Aid", "ORG")) == {
        ("NBC", "organization"): 2, ("Band Aid", "organization"): 1}


def test_time_zones_and_lone_head_words_are_not_names_nor_are_grand_slams():
    text = "Kick-off is at 1500 GMT in Group B at the Gardens, Federer said of the Grand Slam at the Palm Gardens."
    got = found(text, ("GMT", "ORG"), ("Group", "ORG"), ("Gardens", "ORG"), ("Federer", "PERSON"),
                ("Grand Slam", "GPE"), ("Palm Gardens", "FAC"))
    assert got == {("Palm Gardens", "place"): 1}
    assert {"GMT", "BST", "EST", "CET"} <= entities.TIME_ZONES


def test_a_plural_last_word_makes_a_team_or_party_not_a_person():
    got = pairs(("Seattle Seahawks", "PERSON"), ("Lib Dems", "PERSON"), ("Cesc Fabregas", "PERSON"),
                ("Gareth Evans", "PERSON"), ("Kevin Mirallas", "PERSON"))
    assert got == {("Seattle Seahawks", "organization"): 1, ("Lib Dems", "organization"): 1,
                   ("Cesc Fabregas", "person"): 1, ("Gareth Evans", "person"): 1, ("Kevin Mirallas", "person"): 1}


def test_known_places_tagged_as_organisations_are_places_outside_match_reports():
    text = "Flights from Oslo and Copenhagen, to the European Union and the United Nations, rose."
    got = found(text, ("Oslo", "GPE"), ("Copenhagen", "ORG"), ("European Union", "ORG"), ("United Nations", "ORG"))
    assert got == {("Oslo", "place"): 1, ("Copenhagen", "place"): 1, ("European Union", "organization"): 1,
                   ("United Nations", "organization"): 1}
    got = pairs(("Channel of Sicily", "ORG"), ("Gulf of Mexico", "ORG"), ("Banque Misr", "PERSON"),
                ("Bank Street", "ORG"))
    assert got == {("Channel of Sicily", "place"): 1, ("Gulf of Mexico", "place"): 1,
                   ("Banque Misr", "organization"): 1, ("Bank Street", "place"): 1}


def test_two_places_run_together_are_two_places():
    text = "Troops in Indonesia Aceh and in Aceh, and in Papua New Guinea, Mexico City and Indonesia."
    got = found(text, ("Indonesia Aceh", "GPE"), ("Aceh", "GPE"), ("Papua New Guinea", "GPE"), ("Mexico City", "GPE"),
                ("Indonesia", "GPE"))
    assert got == {("Aceh", "place"): 2, ("Indonesia", "place"): 2, ("Papua New Guinea", "place"): 1,
                   ("Mexico City", "place"): 1}


def test_a_place_run_into_a_persons_surname_leaves_the_person():
    text = "Everton boss Roberto Martinez watched at Goodison Park. Saved at Goodison Park Martinez insisted."
    got = found(text, ("Roberto Martinez", "PERSON"), ("Goodison Park", "FAC"), ("Goodison Park Martinez", "FAC"))
    assert got == {("Roberto Martinez", "person"): 2, ("Goodison Park", "place"): 1}


def test_a_plural_of_a_name_is_that_name():
    got = pairs(("Champions League", "ORG"), ("Champions Leagues", "ORG"))
    assert got == {("Champions League", "organization"): 2}


def test_words_beside_a_name_say_a_firm_and_a_ship_is_no_name():
    text = ("Shares in Solidere, the Lebanese company, fell; consultancy Building Zones and broadcaster Keith Olbermann "
            "sailed on the ms Ryndam.")
    got = found(text, ("Solidere", "GPE"), ("Building Zones", "PERSON"),
                ("Keith Olbermann", "PERSON"), ("Ryndam", "PERSON"))
    assert got == {("Solidere", "organization"): 1, ("Building Zones", "organization"): 1,
                   ("Keith Olbermann", "person"): 1}


def test_descriptions_ordinals_plurals_of_acronyms_and_lone_heads_are_not_names():
    got = pairs(("European Businessman", "PERSON"), ("Russian Arrese", "PERSON"), ("21st Century", "ORG"),
                ("21st Century Fox", "ORG"), ("NSAIDs", "ORG"), ("Bank", "ORG"), ("Bank", "ORG"))
    assert got == {("Russian Arrese", "person"): 1, ("21st Century Fox", "organization"): 1}


def test_a_one_word_name_said_only_as_a_place_is_a_place():
    text = ("They flew to Lanzarote for ten days in Lanzarote, back from Lanzarote on Monday. Shares in Apple rose "
            "and Apple said so.")
    got = found(text, ("Lanzarote", "ORG"), ("Lanzarote", "ORG"), ("Lanzarote", "PERSON"), ("Apple", "ORG"),
                ("Apple", "ORG"))
    assert got == {("Lanzarote", "place"): 3, ("Apple", "organization"): 2}


def test_a_council_of_a_known_place_is_one_name():
    text = "The Muslim Council of Britain said so, and the Institute for Fiscal Studies in the US agreed."
    got = found(text, ("Muslim Council", "ORG"), ("Britain", "GPE"), ("Institute for Fiscal Studies", "ORG"),
                ("US", "GPE"))
    assert got == {("Muslim Council of Britain", "organization"): 1, ("Institute for Fiscal Studies", "organization"): 1,
                   ("US", "place"): 1}


def test_people_teams_and_stations_typed_by_their_words():
    got = pairs(("Hugh Grant", "GPE"), ("Grant Park", "GPE"), ("West Ham", "PERSON"), ("Space Station", "PERSON"),
                ("Azmat Begg", "PERSON"), ("Mr Begg", "PERSON"), ("Azmat", "GPE"), ("Paris Hilton", "PERSON"),
                ("Paris", "GPE"), ("Magic Johnson", "PERSON"), ("Magic", "ORG"))
    assert got == {("Hugh Grant", "person"): 1, ("Grant Park", "place"): 1, ("West Ham", "place"): 1,
                   ("Space Station", "place"): 1, ("Azmat Begg", "person"): 3, ("Paris Hilton", "person"): 1,
                   ("Paris", "place"): 1, ("Magic Johnson", "person"): 2}


def test_a_town_said_once_as_a_team_is_the_club_in_every_mention():
    text = "Newcastle manager Graeme Souness wants a defender in Newcastle, and the England manager agreed."
    got = found(text, ("Newcastle", "GPE"), ("Graeme Souness", "PERSON"), ("Newcastle", "GPE"), ("England", "GPE"))
    assert got == {("Newcastle", "organization"): 2, ("Graeme Souness", "person"): 1, ("England", "place"): 1}


def test_a_ticker_makes_a_firm_in_every_mention_and_a_compass_team_in_a_match_report():
    text = ("Verizon (VZ) sold phones in Verizon stores, and the United Arab Emirates (UAE) bought them; the single "
            "Izzo (HOVA) played.")
    got = found(text, ("Verizon", "GPE"), ("Verizon", "GPE"), ("United Arab Emirates", "GPE"), ("Izzo", "PERSON"))
    assert got == {("Verizon", "organization"): 2, ("United Arab Emirates", "place"): 1}
    report = ("United scored twice and drew with West Ham. The goal came in the league match; the manager and the "
              "coach watched fans from the East Midlands and West Africa.")
    got = found(report, ("West Ham", "GPE"), ("East Midlands", "GPE"), ("West Africa", "GPE"))
    assert got == {("West Ham", "organization"): 1, ("East Midlands", "place"): 1, ("West Africa", "place"): 1}


def test_a_tie_between_place_and_organisation_goes_to_the_firm_unless_the_place_is_known():
    got = pairs(("Ofoto", "GPE"), ("Ofoto", "ORG"), ("Chile", "ORG"), ("Chile", "GPE"))
    assert got == {("Ofoto", "organization"): 2, ("Chile", "place"): 2}


def test_words_that_only_look_like_cues_change_no_name():
    """Review of the fourth round: "Ms" is a woman's title, not a ship's prefix; "play", "show" and "book" are verbs
    before a name; ", a company spokesman" describes a person; an Olympic code after a country is no ticker."""
    text = "Ms Jane Smith said the plan was sound. Ms Smith added that she would vote for it."
    assert found(text, ("Jane Smith", "PERSON"), ("Smith", "PERSON")) == {("Jane Smith", "person"): 2}
    text = "Fans say Liverpool will play Everton on Sunday. New polls show Labour ahead. Fans book Ryanair flights."
    got = found(text, ("Liverpool", "ORG"), ("Everton", "ORG"), ("Labour", "ORG"), ("Ryanair", "ORG"))
    assert set(got) == {("Liverpool", "organization"), ("Everton", "organization"), ("Labour", "organization"),
                        ("Ryanair", "organization")}
    text = "John Smith, a company spokesman, said sales fell. John Smith declined to say more."
    assert found(text, ("John Smith", "PERSON"), ("John Smith", "PERSON")) == {("John Smith", "person"): 2}
    text = "Athletes from France (FRA) won two golds in France on Sunday."
    assert found(text, ("France", "GPE"), ("France", "GPE")) == {("France", "place"): 2}
    # Time zones are a fixed list: a tribunal's acronym is a name.
    text = "The talks end at 10:00 GMT. The CAT ruled on the appeal."
    assert found(text, ("GMT", "ORG"), ("CAT", "ORG")) == {("CAT", "organization"): 1}


def test_two_names_run_together_are_both_names():
    text = ("Joe Hart praised Gianluigi Buffon after the draw. Pictured: Gianluigi Buffon Hart shake hands. Hart said "
            "Manchester United and River Plate talked; Manchester United River Plate talks go on.")
    got = found(text, ("Joe Hart", "PERSON"), ("Gianluigi Buffon", "PERSON"), ("Gianluigi Buffon Hart", "ORG"),
                ("Hart", "PERSON"), ("Manchester United", "ORG"), ("River Plate", "ORG"),
                ("Manchester United River Plate", "ORG"))
    assert got == {("Joe Hart", "person"): 3, ("Gianluigi Buffon", "person"): 2, ("Manchester United", "organization"): 2,
                   ("River Plate", "organization"): 2}
    # A name whose parts are a place and a one-word name is one name.
    text = "The New York Times said so. New York is big, and the Times agreed."
    got = found(text, ("New York Times", "ORG"), ("New York", "GPE"), ("Times", "ORG"))
    assert ("New York Times", "organization") in got


def test_an_office_is_no_name():
    text = "They laid a wreath at the grave of the National Leader of Azerbaijan Heydar Aliyev."
    got = found(text, ("the National Leader", "ORG"), ("Azerbaijan", "GPE"), ("Heydar Aliyev", "PERSON"))
    assert got == {("Azerbaijan", "place"): 1, ("Heydar Aliyev", "person"): 1}
    assert pairs(("Office of the President", "ORG")) == {("Office of the President", "organization"): 1}


def test_venues_and_alleys_are_places_and_their_head_alone_is_no_name():
    text = "She opens at the Lunt-Fontanne Theatre. They visited the Alley of Honor and the Alley of Martyrs."
    got = found(text, ("the Lunt-Fontanne Theatre", "ORG"), ("Alley", "ORG"), ("the Alley of Martyrs", "ORG"))
    assert got == {("Lunt-Fontanne Theatre", "place"): 1, ("Alley of Martyrs", "place"): 1}


def test_a_given_name_and_a_surname_that_is_a_word_of_places_stay_a_person():
    text = "The show follows Nathan Lane's turn in the role, and Rebecca Street went home."
    got = found(text, ("Nathan Lane's", "PERSON"), ("Rebecca Street", "GPE"))
    assert got == {("Nathan Lane", "person"): 1, ("Rebecca Street", "place"): 1}


def test_a_word_that_describes_a_person_is_no_part_of_the_name():
    got = pairs(("Australian Michael Rogers", "ORG"), ("Michael Rogers", "PERSON"), ("Briton Alex Dowsett", "PERSON"),
                ("Holland America Line", "ORG"), ("Khoo Kay Peng", "PERSON"), ("Time Warner Cable", "ORG"))
    assert got == {("Michael Rogers", "person"): 2, ("Alex Dowsett", "person"): 1, ("Time Warner Cable", "organization"): 1,
                   ("Holland America Line", "organization"): 1, ("Khoo Kay Peng", "person"): 1}


def test_team_before_a_name_makes_an_organisation():
    assert pairs(("Team Sky", "FAC")) == {("Team Sky", "organization"): 1}


def test_a_town_said_as_a_team_is_the_club_however_its_abbreviation_is_written():
    text = ("St. Pauli lost the match 2-0 and the coach was sent off. The league fined St. Pauli after fans "
            "threw cups. Schalke scored twice against St Pauli.")
    got = found(text, ("St. Pauli", "GPE"), ("St. Pauli", "GPE"), ("St Pauli", "GPE"))
    assert got == {("St. Pauli", "organization"): 2, ("St Pauli", "organization"): 1}


def test_a_wire_sign_off_run_into_the_next_headline_is_no_name():
    text = "The bear drowned, officials said. AP Suicide bomber kills 10 in Baghdad."
    got = found(text, ("AP Suicide", "ORG"), ("Baghdad", "GPE"))
    assert got == {("Baghdad", "place"): 1}


def test_a_states_abbreviation_after_a_town_is_left_out():
    text = "The Coyotes won 3-1 in Glendale, Ariz., on Friday."
    got = found(text, ("Glendale", "GPE"), ("Ariz.", "GPE"))
    assert got == {("Glendale", "place"): 1}
    assert found("He flew to Washington, D.C., on Friday.", ("Washington", "GPE"), ("D.C.", "GPE")) == {
        ("Washington", "place"): 1, ("D.C.", "place"): 1}


def test_a_rare_word_the_model_mostly_tags_as_a_person_gets_no_stray_type():
    got = pairs(("Rusedski", "PERSON"), ("Rusedski", "PERSON"), ("Rusedski", "PERSON"), ("Rusedski", "GPE"))
    assert got == {}  # a surname alone, without a title or a full name: left out, not a place
    got = pairs(("Yukos", "PERSON"), ("Yukos", "PERSON"), ("Yukos", "ORG"))
    assert got == {("Yukos", "organization"): 3}  # a firm's name is often tagged PERSON: its other type stands


def test_names_listed_after_a_plural_of_works_or_products_are_titles_or_products():
    text = ("The show will include such classics as Super Trouper, SOS and Dancing Queen. The firm makes games such "
            "as Knights of the Old Republic. Firms such as Acme Corp grew. Its brands include Opel and Vauxhall Motors. "
            "Tablet computers such as Apple's iPad sold well.")
    got = found(text, ("Super Trouper", "ORG"), ("SOS", "ORG"), ("Dancing Queen", "PERSON"),
                ("Knights of the Old Republic", "ORG"), ("Acme Corp", "ORG"), ("Opel", "ORG"), ("Vauxhall Motors", "ORG"),
                ("Apple", "ORG"), ("iPad", "ORG"))
    assert got == {("Acme Corp", "organization"): 1, ("Opel", "organization"): 1, ("Vauxhall Motors", "organization"): 1,
                   ("Apple", "organization"): 1}


def test_titles_after_a_work_noun_and_the_and_films_an_actor_starred_in_are_not_names():
    # "the movie The Aviator": the model's span leaves "The" out; the work noun stands before it.
    text = ("He was directed in the Oscar-nominated movie The Aviator by Martin Scorsese. He had roles in The Basketball "
            "Diaries, Blood Diamond and Titanic. She had a starring role in Jean-Pierre Jeunet's A Very Long Engagement. "
            "He had roles in Paris last year.")
    got = found(text, ("Aviator", "ORG"), ("Martin Scorsese", "PERSON"), ("Basketball Diaries", "ORG"),
                ("Blood Diamond", "GPE"), ("Titanic", "ORG"), ("Jean-Pierre Jeunet's", "PERSON"), ("Paris", "GPE"))
    assert got == {("Martin Scorsese", "person"): 1, ("Jean-Pierre Jeunet", "person"): 1, ("Paris", "place"): 1}


def test_a_name_a_match_report_writes_only_after_at_is_the_ground():
    text = ("United beat City 2-1 in the league derby at Old Trafford, where the manager was sent off. The coach "
            "said his side scored late at Old Trafford. Chelsea drew at Wembley, and Chelsea fans sang.")
    got = found(text, ("Old Trafford", "ORG"), ("Old Trafford", "ORG"), ("Chelsea", "ORG"), ("Wembley", "ORG"),
                ("Chelsea", "ORG"))
    # Once is not enough: "a spell at Chelsea" is the club's.
    assert got == {("Old Trafford", "place"): 2, ("Chelsea", "organization"): 2, ("Wembley", "organization"): 1}


def test_a_country_tagged_as_a_person_is_a_place_and_a_hall_of_fame_an_organisation():
    text = "Talks in Sierra Leone went on. Sierra Leone is poor. Michael Jordan joined the Basketball Hall of Fame."
    got = found(text, ("Sierra Leone", "PERSON"), ("Sierra Leone", "PERSON"), ("Michael Jordan", "PERSON"),
                ("the Basketball Hall of Fame", "GPE"))
    assert got == {("Sierra Leone", "place"): 2, ("Michael Jordan", "person"): 1,
                   ("Basketball Hall of Fame", "organization"): 1}


def test_a_trade_only_people_have_makes_a_person():
    text = "He produced records for rapper Jay-Z, and Jay-Z sang. Asset manager BlackRock bought shares of BlackRock."
    got = found(text, ("Jay-Z", "ORG"), ("Jay-Z", "PERSON"), ("BlackRock", "ORG"), ("BlackRock", "ORG"))
    assert got == {("Jay-Z", "person"): 2, ("BlackRock", "organization"): 2}


def test_laws_rules_studies_and_faiths_are_no_names():
    got = pairs(("Clean Air Mercury Rule", "ORG"), ("Affordable Care Act", "ORG"), ("Adventist Health Study 2", "ORG"),
                ("Judaism", "ORG"), ("Judaism", "ORG"), ("United Nations Development Programme", "ORG"))
    assert got == {("United Nations Development Programme", "organization"): 1}


def test_an_acronym_spelt_out_in_lower_case_words_is_a_term():
    text = ("Scientists at NASA said life may exist on free-floating planets (FFP) too. The body mass index (BMI) was "
            "high; BMI rose. The Food and Drug Administration (FDA) agreed.")
    got = found(text, ("NASA", "ORG"), ("FFP", "ORG"), ("BMI", "ORG"), ("BMI", "ORG"),
                ("Food and Drug Administration", "ORG"), ("FDA", "ORG"))
    assert got == {("NASA", "organization"): 1, ("Food and Drug Administration", "organization"): 2}


def test_a_titled_persons_possessive_is_no_part_of_a_name():
    text = "It was Mr Brown's Budget, and Mr Brown spoke for an hour."
    got = found(text, ("Mr Brown's", "ORG"), ("Mr Brown", "PERSON"))
    assert got == {("Mr Brown", "person"): 2}


def test_a_given_name_before_a_surname_tagged_alone_makes_the_person():
    text = ("Brendan Rodgers said Raheem Sterling and Jordon Ibe must learn. He backed Sterling to start. The film "
            "Last Tango In Paris played in London, and the Romantics Duran Duran sang.")
    got = found(text, ("Brendan Rodgers", "PERSON"), ("Sterling", "ORG"), ("Jordon Ibe", "PERSON"),
                ("Sterling", "ORG"), ("Paris", "GPE"), ("London", "GPE"), ("Duran", "GPE"))
    assert ("Raheem Sterling", "person") in got and ("Paris", "place") in got and ("Romantics Duran", "person") not in got


def test_two_places_paired_by_a_hyphen_are_no_name():
    text = "The Belarus-Azerbaijan talks went well, said officials in Belarus and in Guinea-Bissau."
    got = found(text, ("Belarus-Azerbaijan", "ORG"), ("Belarus", "GPE"), ("Guinea-Bissau", "GPE"))
    assert got == {("Belarus", "place"): 1, ("Guinea-Bissau", "place"): 1}


def test_a_firm_said_so_in_an_apposition_that_goes_on_and_a_final_is_an_event():
    text = ("Shares in Solidere, the Lebanese company founded by Rafik Hariri, fell. Solidere should be above $10, "
            "said a trader in Beirut, as fans watched the Stanley Cup Finals.")
    got = found(text, ("Solidere", "GPE"), ("Rafik Hariri", "PERSON"), ("Solidere", "GPE"), ("Beirut", "GPE"),
                ("the Stanley Cup Finals", "ORG"))
    assert got == {("Solidere", "organization"): 2, ("Rafik Hariri", "person"): 1, ("Beirut", "place"): 1}
    assert found("Bob Smith, a company spokesman for Acme Corp, said so.", ("Bob Smith", "PERSON"),
                 ("Acme Corp", "ORG")) == {("Bob Smith", "person"): 1, ("Acme Corp", "organization"): 1}


def test_a_word_the_model_also_tags_as_a_people_is_no_place_or_organisation():
    text = ("The Yazidis fled the hills, and many Yazidis died. Some Yazidi survivors spoke to Yazidi elders, and "
            "Kashmiris and the Kashmiri leaders met in Srinagar.")
    got = found(text, ("Yazidis", "NORP"), ("Yazidis", "NORP"), ("Yazidi", "GPE"), ("Yazidi", "ORG"), ("Kashmiris", "ORG"),
                ("Kashmiri", "NORP"), ("Srinagar", "GPE"))
    assert got == {("Srinagar", "place"): 1}
    # A known place's name tagged once as a people ("the England team") stays a place.
    got = found("The England team went to England.", ("England", "NORP"), ("England", "GPE"))
    assert got == {("England", "place"): 1}
    # A firm the model tags as a people less often than as a firm stays one ("Verizon customers").
    got = found("Verizon customers queued as Verizon said Verizon sales rose.", ("Verizon", "NORP"), ("Verizon", "ORG"),
                ("Verizon", "ORG"))
    assert got == {("Verizon", "organization"): 2}


def test_a_town_of_a_country_the_article_names_is_a_place_without_a_firms_cue():
    text = ("Fighters fought in Sinjar and marched to Irbil, the capital of the Kurdish region of Iraq. In Spain, the bank "
            "Santander said profits rose; shares in Orange fell in Paris.")
    got = found(text, ("Sinjar", "ORG"), ("Irbil", "ORG"), ("Iraq", "GPE"), ("Spain", "GPE"), ("Santander", "ORG"),
                ("Orange", "ORG"), ("Paris", "GPE"))
    assert got[("Sinjar", "place")] == 1 and got[("Irbil", "place")] == 1
    assert ("Orange", "organization") in got  # a word of English: left to the model
    assert ("Santander", "organization") in got  # "the bank Santander"
    assert ("Brent", "place") not in found("In London, the price of Brent crude rose.", ("London", "GPE"),
                                           ("Brent", "ORG"))
    # Without its country named, a town's name tagged as an organisation stays one.
    assert found("Shares in Irbil rose.", ("Irbil", "ORG")) == {("Irbil", "organization"): 1}


def test_a_word_for_a_person_or_a_list_of_people_makes_a_person_of_a_name_tagged_otherwise():
    text = ("The film starred Bradley Cooper, Zach Galifianakis and Ed Helms. The late author Stieg Larsson wrote it "
            "and star Noomi Rapace said so; Acme Widgets and Bob Jones signed.")
    got = found(text, ("Bradley Cooper", "PERSON"), ("Zach Galifianakis", "ORG"), ("Ed Helms", "PERSON"),
                ("Stieg Larsson", "ORG"), ("Noomi Rapace", "ORG"), ("Acme Widgets", "ORG"), ("Bob Jones", "PERSON"))
    assert {("Zach Galifianakis", "person"), ("Stieg Larsson", "person"), ("Noomi Rapace", "person"),
            ("Acme Widgets", "organization")} <= set(got)


def test_descriptions_office_titles_and_acronyms_cut_by_the_model_are_no_people():
    text = ("The Academy Award-winning actor met the JAAA General Secretary Garth Gayle, who played for Oxford MCCU. "
            "Mr Gayle backed Premier League clubs: the Premier League Henderson played was good for Jordan Henderson.")
    got = found(text, ("Academy Award-winning", "ORG"), ("JAAA General", "ORG"), ("Garth Gayle", "PERSON"),
                ("Oxford MCCU", "PERSON"), ("Mr Gayle", "PERSON"), ("Premier League", "ORG"),
                ("League Henderson", "PERSON"), ("Jordan Henderson", "PERSON"))
    assert got == {("Garth Gayle", "person"): 2, ("Oxford MCCU", "organization"): 1,
                   ("Premier League", "organization"): 1, ("Jordan Henderson", "person"): 2}
    got = found("TARGET Gambhir was out. Gautam Gambhir said so.", ("TARGET Gambhir", "PERSON"),
                ("Gautam Gambhir", "PERSON"))
    assert got == {("Gautam Gambhir", "person"): 2}


def test_a_caption_run_into_a_place_or_a_country_run_into_a_name_are_two_names():
    text = ("Kaka left Real Madrid. Real Madrid Orlando have signed him, and fans in Orlando cheered. Sky Sports "
            "filmed it in Italy; Italy Sky Sports showed it. The New York Times and the Times of London wrote it up.")
    got = found(text, ("Real Madrid", "ORG"), ("Real Madrid Orlando", "ORG"), ("Orlando", "GPE"), ("Sky Sports", "ORG"),
                ("Italy", "GPE"), ("Italy Sky Sports", "ORG"), ("The New York Times", "ORG"), ("Times", "ORG"))
    assert got[("Real Madrid", "organization")] == 2 and got[("Orlando", "place")] == 2
    assert got[("Sky Sports", "organization")] == 2 and got[("Italy", "place")] == 2
    assert ("New York Times", "organization") in got


def test_an_i_product_is_none_of_our_types():
    text = "Shares in Apple rose: the iPod and the iPhone 4 sold via Verizon; the Verizon iPhone and iTunes did well."
    got = found(text, ("Apple", "ORG"), ("iPod", "ORG"), ("iPhone 4", "ORG"), ("Verizon", "ORG"),
                ("Verizon iPhone", "ORG"), ("iTunes", "ORG"))
    assert got == {("Apple", "organization"): 1, ("Verizon", "organization"): 1}


def test_a_dateline_in_capitals_is_a_place_and_a_town_run_into_one_is_two_places():
    text = "ATHENS (AP) - Greece voted. Troops left Fallujah BAGHDAD, and Iraq voted in Baghdad and Fallujah."
    got = found(text, ("ATHENS", "GPE"), ("Greece", "GPE"), ("Fallujah BAGHDAD", "GPE"), ("Iraq", "GPE"),
                ("Baghdad", "GPE"), ("Fallujah", "GPE"))
    assert ("ATHENS", "organization") not in got
    assert got[("Fallujah", "place")] == 2 and got[("Baghdad", "place")] == 2
    got = found("Towns in North Jersey and Jersey voted.", ("North Jersey", "LOC"), ("Jersey", "GPE"))
    assert ("North Jersey", "place") in got


def test_a_town_and_a_word_that_names_no_place_is_a_club_in_a_match_report():
    text = ("The Oklahoma City Thunder beat the Bulls in the league match; the coach said the goal was fine. The fans "
            "went home to Seattle and the Grand Canyon.")
    got = found(text, ("Oklahoma City Thunder", "GPE"), ("Seattle", "GPE"), ("Grand Canyon", "LOC"))
    assert got == {("Oklahoma City Thunder", "organization"): 1, ("Seattle", "place"): 1, ("Grand Canyon", "place"): 1}


def test_a_place_no_gazetteer_knows_needs_to_be_said_as_a_place():
    # A brand, a network or a person the model took for a place, never said "in", "at", "from" ...: left out.
    text = "Fans of Kronenbourg and Kazaa met. Kazaa grew, and Rihanna sang. He lives in Sedgley and went to Lanzarote."
    got = found(text, ("Kronenbourg", "GPE"), ("Kazaa", "GPE"), ("Kazaa", "GPE"), ("Rihanna", "GPE"),
                ("Sedgley", "GPE"))
    assert got == {("Sedgley", "place"): 1}
    # Known places stand without a cue, and so does a name listed with a known place, one after a place and a comma,
    # and one that begins a longer place of the article.
    text = ("Talks of Albania, Bulgaria and Macedonia ended; polls of Texas rose. A mall in West Edmonton, Alberta, opened. "
            "Boats cross the Mediterranean Sea; the Mediterranean is warm, the Mediterranean calm; the Paris talks and the "
            "resort of Sinai. Life on Mars is hard, on Mars cold, and Marchwood, near Southampton, is green.")
    got = found(text, ("Albania", "GPE"), ("Bulgaria", "GPE"), ("Macedonia", "GPE"), ("Texas", "GPE"),
                ("West Edmonton", "GPE"), ("Alberta", "GPE"), ("Mediterranean Sea", "LOC"), ("Mediterranean", "LOC"),
                ("Mediterranean", "LOC"), ("Paris", "GPE"), ("Sinai", "GPE"), ("Mars", "LOC"),
                ("Mars", "LOC"), ("Marchwood", "GPE"), ("Southampton", "GPE"))
    assert set(got) == {(n, "place") for n in ("Albania", "Bulgaria", "Macedonia", "Texas", "West Edmonton", "Alberta",
                                                "Mediterranean Sea", "Mediterranean", "Paris", "Sinai", "Mars",
                                                "Marchwood", "Southampton")}


def test_a_surname_the_article_writes_after_a_given_name_or_initial_is_a_persons():
    # "Lewaravu" tagged as an organisation is the surname of "Wame Lewaravu" / "W Lewaravu": a person named by surname
    # alone, left out (not an organisation).
    text = "Sale put Lewaravu in at the corner. Sale: W Lewaravu, J Gaskell."
    assert found(text, ("Sale", "ORG"), ("Lewaravu", "ORG"), ("Sale", "ORG")) == {("Sale", "organization"): 2}
    text = "The vote went to Quelch. The study, said Marcus Quelch, is new."
    assert found(text, ("Quelch", "ORG")) == {}
    # Said as a firm is, or with no given name before it elsewhere, it stays.
    text = "The firm Zorbix grew. Shares in Zorbix, run by J Zorbix, rose."
    assert found(text, ("Zorbix", "ORG"), ("Zorbix", "ORG")) == {("Zorbix", "organization"): 2}
    assert found("Shares in Zorbix rose. Zorbix said.", ("Zorbix", "ORG"), ("Zorbix", "ORG")) == {
        ("Zorbix", "organization"): 2}


def test_names_listed_with_people_are_people():
    # A full name tagged as a place between people's names; lone surnames tagged as organisations or places in a team
    # list, between players' names (left out as surnames alone, not shown as firms or places).
    text = "The goals of Christoph Metzelder, Mario Gavranovic and Peer Kluge won the match 2-1 for the club."
    got = found(text, ("Christoph Metzelder", "PERSON"), ("Mario Gavranovic", "PERSON"), ("Peer Kluge", "GPE"))
    assert got == {("Christoph Metzelder", "person"): 1, ("Mario Gavranovic", "person"): 1, ("Peer Kluge", "person"): 1}
    text = "Then Arsenal beat Chelsea in the league match: Lehmann, Eboue, Senderos, Toure, Owusu, Cole scored the goals."
    got = found(text, ("Arsenal", "ORG"), ("Chelsea", "ORG"), ("Lehmann", "PERSON"), ("Eboue", "PERSON"),
                ("Senderos", "GPE"), ("Toure", "PERSON"), ("Owusu", "ORG"), ("Cole", "PERSON"))
    assert got == {("Arsenal", "organization"): 1, ("Chelsea", "organization"): 1}
    # Outside a match report, a firm listed among people stays a firm.
    text = "Guests were Tim Cook, Zorbix and Ed Helms."
    assert ("Zorbix", "organization") in found(text, ("Tim Cook", "PERSON"), ("Zorbix", "ORG"), ("Ed Helms", "PERSON"))


def test_a_word_for_what_a_person_is_before_a_full_name_is_cut():
    text = "Center Sidney Crosby skated on Monday, and the Australian Rohan Dennis won. Rohan Dennis was glad."
    got = found(text, ("Center Sidney Crosby", "PERSON"), ("Australian Rohan Dennis", "ORG"), ("Rohan Dennis", "PERSON"))
    assert got == {("Sidney Crosby", "person"): 1, ("Rohan Dennis", "person"): 2}
    # A surname of everyday rarity opening a name of three words is left whole.
    assert found("Later Khoo Kay Peng spoke.", ("Khoo Kay Peng", "PERSON")) == {("Khoo Kay Peng", "person"): 1}


def test_a_firm_named_once_with_its_s_before_a_verb_keeps_it():
    got = found("Moody's cut it, while Standard & Poor's said that it might follow.", ("Standard & Poor", "ORG"))
    assert got == {("Standard & Poor's", "organization"): 1}
    got = found("Fans of Ant & Dec's show cheered.", ("Ant & Dec", "ORG"))
    assert got == {("Ant & Dec", "organization"): 1}


def test_a_longer_place_needs_a_word_of_places_or_a_cue():
    text = "Hits by Taio Cruz and the Great Recession; a walk to Port Talbot, then San Jose, and a stay in Kilbride Moss."
    got = found(text, ("Taio Cruz", "GPE"), ("Great Recession", "LOC"), ("Port Talbot", "GPE"), ("San Jose", "GPE"),
                ("Kilbride Moss", "GPE"))
    assert got == {("Port Talbot", "place"): 1, ("San Jose", "place"): 1, ("Kilbride Moss", "place"): 1}


def test_a_spaced_dash_stands_inside_no_name():
    text = "Read Computerworld - Google Buzz news, and Pascal Payet - Luynes Prison escapes."
    assert found(text, ("Computerworld - Google", "ORG"), ("Pascal Payet - Luynes Prison", "ORG")) == {}


def test_a_name_said_only_after_in_the_is_a_region():
    text = "A lab in the Caucasus found it, as the Guardian said in the Guardian."
    assert found(text, ("Caucasus", "ORG"), ("Guardian", "ORG"), ("Guardian", "ORG")) == {
        ("Caucasus", "place"): 1, ("Guardian", "organization"): 2}
    # An acronym after "from the" is a body, not a region.
    text = "Investors look to the meeting of finance ministers from the G7 industrialised nations in London."
    assert found(text, ("G7", "ORG"), ("London", "GPE")) == {("G7", "organization"): 1, ("London", "place"): 1}


def test_regions_page_links_and_banks_cut_short():
    text = "Rain hit the Pacific Northwest. Watch Video Report here. Allied Irish Banks fell; Allied Irish said more."
    got = found(text, ("Pacific Northwest", "ORG"), ("Watch Video Report", "ORG"), ("Allied Irish Banks", "ORG"),
                ("Allied Irish", "ORG"))
    assert got == {("Pacific Northwest", "place"): 1, ("Allied Irish Banks", "organization"): 2}
    # "West" ends no region ("Nat West" is a bank).
    assert found("Shares in the bank Nat West rose.", ("Nat West", "ORG")) == {("Nat West", "organization"): 1}


def test_a_ground_said_twice_after_at_and_a_name_cut_at_its_s():
    text = ("United beat City in the league derby at Old Trafford, and the coach scored a goal. The match at Old Trafford "
            "was at Franklin's Gardens once, so at Franklin’s Gardens the fans sang.")
    got = found(text, ("United", "ORG"), ("City", "ORG"), ("Old Trafford", "ORG"), ("Franklin", "ORG"),
                ("Franklin’s Gardens", "ORG"))
    assert got[("Old Trafford", "place")] == 1 and got[("Franklin’s Gardens", "place")] == 2


_MATCH = " The coach said the league match and the goal were fine. "


def test_a_town_said_as_a_team_in_a_sport_story_is_the_club():
    text = ("He met Barcelona president Joan Puig. He hopes to leave Paris Saint-Germain after a loan spell at "
            "Real Madrid, then a move to Orlando City." + _MATCH + "Orlando City are the latest club to ask.")
    got = found(text, ("Barcelona", "GPE"), ("Paris Saint-Germain", "FAC"), ("Real Madrid", "FAC"),
                ("Orlando City", "GPE"), ("Orlando City", "GPE"))
    assert got[("Barcelona", "organization")] == 1 and got[("Paris Saint-Germain", "organization")] == 1
    assert got[("Real Madrid", "organization")] == 1 and got[("Orlando City", "organization")] == 2
    # "in Barcelona", a move to a ground, "the London club" and a nation's team stay places.
    text = "The squad trained in Barcelona before a move to the Nou Camp; the London club lost for England." + _MATCH
    got = found(text, ("Barcelona", "GPE"), ("the Nou Camp", "LOC"), ("London", "GPE"), ("England", "GPE"))
    assert set(got) == {("Barcelona", "place"), ("Nou Camp", "place"), ("London", "place"), ("England", "place")}
    # A score beside a town, and a club's last word the model cut off.
    text = "It ended Leicester 5-3 Arsenal, and the 2-0 win over Newcastle United." + _MATCH
    got = found(text, ("Leicester", "GPE"), ("Arsenal", "ORG"), ("Newcastle", "GPE"))
    assert got[("Leicester", "organization")] == 1 and got[("Newcastle United", "organization")] == 1
    # Outside sport, no club: "the team as it left Buffalo", "Paris are" of no match report.
    assert found("The firm moved to Paris. Paris are glad.", ("Paris", "GPE"), ("Paris", "GPE")) == {
        ("Paris", "place"): 2}


def test_leagues_acronyms_of_terms_and_titles_in_apposition():
    text = "He starred in La Liga and the Bundesliga, not Ligue 1." + _MATCH
    got = found(text, ("La Liga", "FAC"), ("Bundesliga", "ORG"), ("Ligue", "GPE"))
    assert got == {("La Liga", "organization"): 1, ("Bundesliga", "organization"): 1}
    text = "The assistant general manager quit, and the GM said so. The body mass index (BMI - a measure) rose."
    assert found(text, ("GM", "ORG"), ("BMI", "ORG")) == {}
    # An acronym no lower-case words spell out stays ("under new" rules are no "UN").
    assert found("Under new rules the UN and NHS said so.", ("UN", "ORG"), ("NHS", "ORG")) == {
        ("UN", "organization"): 1, ("NHS", "organization"): 1}
    text = "He is known for his last film, Il Postino, and for Hotel Lux, the film that made him."
    assert found(text, ("Il Postino", "ORG"), ("Hotel Lux", "GPE")) == {}


def test_studios_races_families_bands_quoted_titles_and_branches():
    text = "Abbey Road Studio said so. The Tour de Yorkshire ran. The Meeks, said Melissa Meek, smiled at the Meeks."
    got = found(text, ("Abbey Road Studio", "PERSON"), ("Tour de Yorkshire", "PERSON"), ("Meeks", "ORG"),
                ("Melissa Meek", "PERSON"), ("Meeks", "ORG"))
    assert got == {("Abbey Road Studio", "organization"): 1, ("Melissa Meek", "person"): 1}
    text = "The band Lady Antebellum singer Hillary Scott said. Fans saw “Harry Potter and the Deathly Hallows — Part 2,” too."
    got = found(text, ("Lady Antebellum", "PERSON"), ("Hillary Scott", "PERSON"), ("Harry Potter", "PERSON"))
    assert got == {("Lady Antebellum", "organization"): 1, ("Hillary Scott", "person"): 1}
    # A quoted sentence that opens with a name is no title.
    assert ("Barack Obama", "person") in found("He said: “Barack Obama is wrong,” and left.", ("Barack Obama", "PERSON"))
    text = "A campaign by Lycos Europe ended, and Chris Ireland said so."
    got = found(text, ("Lycos Europe", "PERSON"), ("Chris Ireland", "PERSON"))
    assert got == {("Lycos Europe", "organization"): 1, ("Chris Ireland", "person"): 1}


def test_two_letter_acronyms_need_an_article_and_a_role_acronym_leaves_a_name():
    # "leading games" spells "LG" by chance: a firm listed without an article stays.
    text = "Firms like Dell, LG and Samsung are leading games makers."
    assert found(text, ("Dell", "ORG"), ("LG", "ORG"), ("Samsung", "ORG"))[("LG", "organization")] == 1
    text = "Boston general manager Lou Gorman died. The GM Lou Gorman was 78, and the GM said so."
    got = found(text, ("Lou Gorman", "PERSON"), ("GM Lou Gorman", "PERSON"), ("GM", "ORG"))
    assert got == {("Lou Gorman", "person"): 2}


def test_other_sports_count_and_courts_of_law():
    text = ("Nash had 12 rebounds and 9 assists against the Oklahoma City Thunder before the playoffs, and five "
            "rebounds more.")
    got = found(text, ("Oklahoma City Thunder", "GPE"))
    assert got == {("Oklahoma City Thunder", "organization"): 1}
    text = "He sued in San Francisco County Superior Court, near Earls Court."
    got = found(text, ("San Francisco County Superior Court", "GPE"), ("Earls Court", "GPE"))
    assert got == {("San Francisco County Superior Court", "organization"): 1, ("Earls Court", "place"): 1}


def test_guards_of_club_band_and_title_cues():
    # A score the model ran into a name is cut; a town the model cut short of its club is no club alone.
    text = "Newcastle beat Wolverhampton 4-1 after a win over West Ham." + _MATCH
    got = found(text, ("Wolverhampton 4-1", "GPE"), ("West", "LOC"))
    assert got == {("Wolverhampton", "organization"): 1}
    # A singer's home county is no band; a network that opens a show's quoted title stays a network.
    text = "Devon singer Joss Stone won. On “Fox News Sunday” and Fox News, Ryan spoke."
    got = found(text, ("Devon", "GPE"), ("Joss Stone", "PERSON"), ("Fox News", "ORG"), ("Fox News", "ORG"))
    assert got[("Joss Stone", "person")] == 1 and got[("Fox News", "organization")] == 2
    assert ("Devon", "organization") not in got


def test_a_place_and_a_nations_adjective_is_a_club():
    text = "The London Welsh lock Tom Smith scored as London Welsh won." + _MATCH
    got = found(text, ("London Welsh", "PERSON"), ("Tom Smith", "PERSON"), ("London Welsh", "PERSON"))
    assert got[("London Welsh", "organization")] == 2


def test_countries_by_the_names_the_news_writes_are_places_without_a_cue():
    """CLDR names Turkey "Türkiye" and Myanmar "Myanmar (Burma)"; the news writes "Turkey" and "Burma", with no
    "in" or "from" before them, and they are places all the same."""
    text = "Leaders hailed a deal bringing Turkey closer to the EU. Burma and Turkey signed it, as did Ivory Coast."
    got = found(text, ("Turkey", "GPE"), ("EU", "ORG"), ("Burma", "GPE"), ("Turkey", "GPE"), ("Ivory Coast", "GPE"))
    assert got == {("Turkey", "place"): 2, ("EU", "organization"): 1, ("Burma", "place"): 1,
                   ("Ivory Coast", "place"): 1}


def test_fifth_round_people_of_a_match_report_and_names_glued_to_them():
    # A player whose surname the census lacks, tagged as an organisation, in a match report; a scorer and the minute
    # of the goal; a ground run into a player's surname; a nation's language or people is no team.
    text = ("Jordan Henderson signed on. He follows Daniel Sturridge and Philippe Coutinho, who is at Anfield "
            "Henderson chases the ball. James Grady scored. Scorers: Grady 29. An impressive Welsh side lost to the Scots.") + _MATCH
    got = found(text, ("Jordan Henderson", "PERSON"), ("Daniel Sturridge", "ORG"), ("Philippe Coutinho", "PERSON"),
                ("Anfield Henderson", "ORG"), ("James Grady", "PERSON"), ("Grady 29", "ORG"), ("Welsh", "ORG"),
                ("Scots", "ORG"))
    assert got == {("Jordan Henderson", "person"): 1, ("Daniel Sturridge", "person"): 1,
                   ("Philippe Coutinho", "person"): 1, ("James Grady", "person"): 1}
    # Outside a match report, a full name tagged as an organisation whose surname the article tags alone as a person.
    text = "Italy skipper Marco Bortolami is calm. Bortolami said so."
    got = found(text, ("Italy", "GPE"), ("Marco Bortolami", "ORG"), ("Bortolami", "PERSON"))
    assert got[("Marco Bortolami", "person")] == 2


def test_fifth_round_titles_heads_and_awards():
    text = ("Superintendent Donnie Evans spoke. Eon Labs and Teva merged; he escaped from Maze Prison. "
            "Smith was PFA Player of the Year.")
    got = found(text, ("Superintendent Donnie Evans", "ORG"), ("Eon Labs", "PERSON"), ("Teva", "ORG"),
                ("Maze Prison", "PERSON"), ("PFA Player of the Year", "ORG"))
    assert got == {("Donnie Evans", "person"): 1, ("Eon Labs", "organization"): 1, ("Teva", "organization"): 1,
                   ("Maze Prison", "place"): 1}


def test_fifth_round_an_acronym_counted_is_a_thing():
    # "a GP, who", "ATMs": a kind of thing; "an FBI agent" is the FBI's agent.
    text = "She saw a GP, who sent her on. ATM fees rose as ATMs closed. An FBI agent and the FBI said so."
    got = found(text, ("GP", "ORG"), ("ATM", "ORG"), ("FBI", "ORG"), ("FBI", "ORG"))
    assert got == {("FBI", "organization"): 2}


def test_fifth_round_teams_listed_after_a_team_and_a_sentence_before_a_firm_word():
    text = "Phoenix play two each against Oklahoma City and Memphis, and one against Dallas." + _MATCH
    got = found(text, ("Phoenix", "GPE"), ("Oklahoma City", "GPE"), ("Memphis", "GPE"), ("Dallas", "GPE"))
    assert got[("Memphis", "organization")] == 1 and got[("Oklahoma City", "organization")] == 1
    # A firm's word ending the sentence before says nothing of the name that opens the next.
    text = "It is the first deal Iraq signed with a foreign oil company. Iraq is still trying."
    got = found(text, ("Iraq", "GPE"), ("Iraq", "GPE"))
    assert got == {("Iraq", "place"): 2}


def test_fifth_round_a_firms_possessive_name():
    text = "McDonald's said sales rose. McDonald's shares fell."
    got = found(text, ("McDonald", "ORG"), ("McDonald", "ORG"))
    assert got == {("McDonald's", "organization"): 2}


def test_fifth_round_firm_words_job_words_towns_with_their_region_and_lands():
    # A firm's word before the name ("parts maker Robert Bosch"); an everyday word before a given name and surname
    # the census lacks; a town and its region run together; a head word the model cut off; a land acted on.
    text = ("A pump supplied by parts maker Robert Bosch failed. Email David Zax with tips. He lives in Doncaster, "
            "South Yorkshire. The National Development Planning Agency said Indonesia would help the restoration of "
            "Karabakh.")
    got = found(text, ("Robert Bosch", "PERSON"), ("Email David Zax", "PERSON"), ("Doncaster, South Yorkshire", "GPE"),
                ("National Development Planning", "ORG"), ("Indonesia", "GPE"), ("Karabakh", "ORG"))
    assert got == {("Robert Bosch", "organization"): 1, ("David Zax", "person"): 1, ("Doncaster", "place"): 1,
                   ("National Development Planning Agency", "organization"): 1, ("Indonesia", "place"): 1,
                   ("Karabakh", "place"): 1}
    # A Catalan given name is no English word of a job: "Josep Maria Bartomeu" stays whole.
    text = "Barcelona president Josep Maria Bartomeu spoke."
    assert found(text, ("Josep Maria Bartomeu", "PERSON")) == {("Josep Maria Bartomeu", "person"): 1}


def test_fifth_round_a_trailing_article_is_cut():
    text = "Jordan Henderson is set to sign a deal at Anfield The midfielder said so."
    got = found(text, ("Jordan Henderson", "PERSON"), ("Anfield The", "FAC"))
    assert got == {("Jordan Henderson", "person"): 1, ("Anfield", "place"): 1}


def test_fifth_round_newspapers_and_more_words_of_a_match_report():
    text = "The Salt Lake Tribune reported it; Glen Post, the chief executive, spoke."
    got = found(text, ("Salt Lake Tribune", "GPE"), ("Glen Post", "PERSON"))
    assert got == {("Salt Lake Tribune", "organization"): 1, ("Glen Post", "person"): 1}
    # A round-up of the knockout draw counts as a match report: a town listed there is its club.
    text = ("Chelsea reached the knockout stages of the Champions League; the draw is on Friday. Barcelona, who were "
            "seeded, won their matches and beat Porto.")
    got = found(text, ("Chelsea", "ORG"), ("Champions League", "ORG"), ("Barcelona", "GPE"), ("Porto", "GPE"))
    assert got[("Porto", "organization")] == 1


def test_fifth_round_firms_by_a_noun_after_them_or_a_list_of_firms():
    text = ("It is costly, Birgit Kuhlhoff, from Sal Oppenheim investment bank, told Reuters. ABN Amro, Calyon, "
            "JP Morgan Chase Bank, and Dresdner Kleinwort Wasserstein were not involved; a UK bank said so.")
    got = found(text, ("Birgit Kuhlhoff", "PERSON"), ("Sal Oppenheim", "PERSON"), ("Reuters", "ORG"),
                ("ABN Amro", "ORG"), ("Calyon", "ORG"), ("JP Morgan Chase Bank", "ORG"),
                ("Dresdner Kleinwort Wasserstein", "PERSON"), ("UK", "GPE"))
    assert got[("Sal Oppenheim", "organization")] == 1
    assert got[("Dresdner Kleinwort Wasserstein", "organization")] == 1
    assert got[("UK", "place")] == 1 and got[("Birgit Kuhlhoff", "person")] == 1


def test_fifth_round_airlines_grounds_sunday_papers_and_a_job_word_said_in_lower_case():
    text = ("Air Deccan flew him to the Paseo de Anoeta, the Mail on Sunday said. Cabbie Dave Sidaway, a cabbie for "
            "years, drove on.")
    got = found(text, ("Air Deccan", "PERSON"), ("Paseo de Anoeta", "ORG"), ("Mail", "ORG"),
                ("Cabbie Dave Sidaway", "PERSON"))
    assert got == {("Air Deccan", "organization"): 1, ("Paseo de Anoeta", "place"): 1,
                   ("Mail on Sunday", "organization"): 1, ("Dave Sidaway", "person"): 1}
    # "Air Force One" is a plane, no airline; the Pentagon on Sunday is the Pentagon.
    text = "The Pentagon on Sunday said so."
    assert found(text, ("Pentagon", "ORG")) == {("Pentagon", "organization"): 1}


def test_fifth_round_a_firm_named_for_a_doctor_keeps_its_s():
    text = "Dr Reddy's said profits rose. Dr Reddy's shares fell."
    assert found(text, ("Dr Reddy", "PERSON"), ("Dr Reddy", "PERSON")) == {("Dr Reddy's", "organization"): 2}
    text = "Dr Smith's team found it. Dr Smith's study is out."
    assert found(text, ("Dr Smith", "PERSON"), ("Dr Smith", "PERSON")) == {("Dr Smith", "person"): 2}


def test_a_tennis_report_is_a_match_report_by_its_set_scores():
    # No football words, but set scores and seeds: a player tagged as an organisation is a person, and a nation's
    # word before a player's full name describes the player.
    text = ("Seventh seed Jurgen Melzer came through 6-3 6-3 against Xavier Malisse. Frenchman Cyril Saulnier fired "
            "19 aces to secure a 6-1 7-6 win over Czech qualifier Tomas Zib.")
    got = found(text, ("Jurgen Melzer", "PERSON"), ("Xavier Malisse", "ORG"), ("Frenchman Cyril Saulnier", "ORG"),
                ("Tomas Zib", "PERSON"))
    assert got == {("Jurgen Melzer", "person"): 1, ("Xavier Malisse", "person"): 1, ("Cyril Saulnier", "person"): 1,
                   ("Tomas Zib", "person"): 1}
    # A share or a range of figures is no score: a business story stays out of the sport rules.
    assert entities._match_words("Profits rose 20-25% and 3-5 per cent; the 2004-05 season.") == 0
    assert entities._match_words("He won 6-3 3-6 7-6 and 1-0.") == 4


def test_an_organisations_name_with_its_last_word_cut_short_is_the_organisation():
    text = "A drug made by GW Pharmaceuticals is set to be approved. Shares in GW Pharma fell. GW Pharma said so."
    got = found(text, ("GW Pharmaceuticals", "ORG"), ("GW Pharma", "PERSON"), ("GW Pharma", "ORG"))
    assert got == {("GW Pharmaceuticals", "organization"): 3}
    # Not a person's surname that begins an organisation's last word.
    got = found("Tom Smith met Tom Smithers.", ("Tom Smith", "PERSON"), ("Tom Smithers", "ORG"))
    assert ("Tom Smith", "person") in got


def test_a_name_after_a_group_called_is_an_organisation():
    text = "A militant group called Jaish al Adal claimed responsibility. Jaish al Adal said so."
    got = found(text, ("Jaish al Adal", "PERSON"), ("Jaish al Adal", "PERSON"))
    assert got == {("Jaish al Adal", "organization"): 2}


def test_sixth_round_a_surname_two_people_share_is_not_shown():
    text = ("Haley Barbour may run. His wife Marsha Barbour is afraid of it. Barbour said little, and Barbour's "
            "aides less.")
    got = found(text, ("Haley Barbour", "PERSON"), ("Marsha Barbour", "PERSON"), ("Barbour", "PERSON"),
                ("Barbour", "PERSON"))
    assert got == {("Haley Barbour", "person"): 1, ("Marsha Barbour", "person"): 1}
    # One full name: the surname is his.
    got = found("Haley Barbour may run. Barbour said little.", ("Haley Barbour", "PERSON"), ("Barbour", "PERSON"))
    assert got == {("Haley Barbour", "person"): 2}


def test_sixth_round_a_team_lists_players_are_people():
    text = ("Arsenal beat Sheffield United 2-0 in the league match. Cesc Fabregas scored the first goal, and the second "
            "came when Fabregas crashed a drive in.\n\nAlmunia, Lauren, Cygan, Senderos, Cole, Fabregas (Toure 90), "
            "Vieira, Flamini.")
    got = found(text, ("Arsenal", "ORG"), ("Sheffield United", "ORG"), ("Cesc Fabregas", "ORG"), ("Fabregas", "PERSON"),
                ("Almunia", "GPE"), ("Lauren", "GPE"), ("Cygan", "PERSON"), ("Senderos", "ORG"), ("Fabregas", "GPE"),
                ("Toure", "PERSON"), ("Vieira", "PERSON"))
    assert got == {("Cesc Fabregas", "person"): 3, ("Sheffield United", "organization"): 1}
    # A list of clubs, which the model tags as organisations and places, stays one.
    text = ("The draw for the knockout round of the league matches is on Friday.\n\nAC Milan, Bayer Leverkusen, "
            "Internazionale, Juventus, Lyon.")
    got = found(text, ("AC Milan", "ORG"), ("Bayer Leverkusen", "ORG"), ("Internazionale", "GPE"), ("Juventus", "ORG"),
                ("Lyon", "PERSON"))
    assert ("AC Milan", "organization") in got and ("Bayer Leverkusen", "organization") in got
    # Nor is a player's club in brackets a player.
    text = ("The squad for the match: Marcus Edwards (Tottenham), Nathan Holland (Everton), Chris Willock (Arsenal), "
            "Ike Ugbo (Chelsea).")
    got = found(text, ("Marcus Edwards", "PERSON"), ("Tottenham", "ORG"), ("Nathan Holland", "PERSON"),
                ("Everton", "ORG"), ("Chris Willock", "PERSON"), ("Arsenal", "ORG"), ("Ike Ugbo", "PERSON"),
                ("Chelsea", "ORG"))
    assert ("Everton", "organization") in got


def test_sixth_round_a_surname_tagged_a_person_most_times_in_a_match_report():
    text = ("Chelsea won the match 2-1. Drogba and Kezman scored goals. Lampard's drive and Drogba's low shot were "
            "saved. Drogba made no mistake after the interval, and Drogba scored again.")
    got = found(text, ("Chelsea", "ORG"), ("Drogba", "PERSON"), ("Kezman", "PERSON"), ("Lampard", "PERSON"),
                ("Drogba", "ORG"), ("Drogba", "PERSON"), ("Drogba", "PERSON"))
    assert ("Drogba", "organization") not in got and ("Drogba", "person") not in got
    # A ground said after "at" stays out of it.
    text = ("Liverpool won the match 2-0 at Anfield. Henderson scored at Anfield before Allen's goal. It was his "
            "first Anfield goal, and Anfield cheered.")
    got = found(text, ("Liverpool", "ORG"), ("Anfield", "GPE"), ("Anfield", "PERSON"), ("Anfield", "PERSON"),
                ("Anfield", "PERSON"))
    assert ("Anfield", "person") not in got


def test_sixth_round_a_name_cut_at_its_first_words_a_portfolio_after_minister_for_and_experiments():
    text = ("The HM Passport Office said it was coping. A Passport Office spokesman said so. The Passport Office "
            "will hire staff.")
    got = found(text, ("HM Passport Office", "ORG"), ("Passport Office", "ORG"), ("Passport Office", "ORG"))
    assert got == {("HM Passport Office", "organization"): 3}
    # Not into a name glued to another name of the article, nor when two longer names end with it.
    text = ("Manchester United River Plate fans met. Manchester United won. River Plate lost.")
    got = found(text, ("Manchester United River Plate", "ORG"), ("Manchester United", "ORG"), ("River Plate", "ORG"))
    assert ("River Plate", "organization") in got
    text = "The European Central Bank and the Irish Central Bank met. The Central Bank said so."
    got = found(text, ("European Central Bank", "ORG"), ("Irish Central Bank", "ORG"), ("Central Bank", "ORG"))
    assert ("Central Bank", "organization") in got
    text = "Armida Alisjahbana, State Minister for National Development Planning, said the plan was sound."
    got = found(text, ("Armida Alisjahbana", "PERSON"), ("National Development Planning", "ORG"))
    assert got == {("Armida Alisjahbana", "person"): 1}
    text = "The MiniBooNE experiment at Fermilab found it. Fermilab said so."
    got = found(text, ("MiniBooNE", "ORG"), ("Fermilab", "ORG"), ("Fermilab", "ORG"))
    assert got == {("Fermilab", "organization"): 2}


def test_sixth_round_a_players_position_before_a_name_in_a_match_report():
    text = ("The Cubs beat the Pirates 3-1 in the league match; pinch-hitter Kosuke Fukudome scored the winning run, "
            "his first of the season, after two innings without a hit.")
    got = found(text, ("Cubs", "ORG"), ("Kosuke Fukudome", "ORG"))
    assert got[("Kosuke Fukudome", "person")] == 1


def test_sixth_round_a_firm_word_before_a_doctors_name_and_a_country_glued_to_its_region():
    text = "Indian drugmaker Dr Reddy's said profits fell. Dr Reddy's shares rose."
    got = found(text, ("Dr Reddy's", "PERSON"), ("Dr Reddy", "PERSON"))
    assert got == {("Dr Reddy's", "organization"): 2}
    text = "Rebels clashed with troops in Indonesia Aceh's region on Monday. Aid reached the area."
    assert found(text, ("Indonesia Aceh", "GPE")) == {("Indonesia", "place"): 1, ("Aceh", "place"): 1}
    assert found("Ships crossed the Panama Canal on Monday.", ("Panama Canal", "LOC")) == {("Panama Canal", "place"): 1}


def test_sixth_round_a_capitalised_verb_run_into_a_name_in_a_digest_is_cut():
    text = ("All the news of the week. Nike Releasing a pair of sneakers on Friday. Crocs Donating 100,000 pairs of "
            "shoes. The sneakers are sold by Nike in the US.")
    got = found(text, ("Nike Releasing", "ORG"), ("Crocs Donating", "ORG"), ("Nike", "ORG"))
    assert got[("Nike", "organization")] == 2 and ("Nike Releasing", "organization") not in got
    # A firm's own "-ing" word before what it did stays ("Hutchison Trading said").
    text = "Results came out. Hutchison Trading said profits rose. Hutchison Trading shares fell."
    got = found(text, ("Hutchison Trading", "ORG"), ("Hutchison Trading", "ORG"))
    assert got == {("Hutchison Trading", "organization"): 2}


def test_sixth_round_a_grade_of_oil_is_no_name():
    text = "Brent crude rose to $45 in London, and US crude rose too. Brent crude fell later."
    got = found(text, ("Brent", "ORG"), ("London", "GPE"), ("US", "GPE"), ("Brent", "ORG"))
    assert got == {("London", "place"): 1, ("US", "place"): 1}


def test_a_name_far_from_any_break_stands_in_no_team_list():
    # No full stop, colon or blank line within 400 characters before the name: it stands in no list, which is -1 (not
    # 0, the start of the text, where a list of players would be grouped with it).
    text = "word " * 100 + "Almunia, Lauren, Cygan, Senderos, Cole" + " more" * 100
    at = text.index("Almunia")
    assert entities._in_line_up(text, at, at + len("Almunia")) == -1


def test_seventh_round_a_title_case_lines_verb_run_into_a_name():
    text = ("Unemployment Drops to 8.8 Percent; New Jobs Added in Manufacturing American firms hired. The unemployment "
            "rate fell as new jobs were added. Kraton Surprised by Profit Kraton said sales rose.")
    got = found(text, ("Unemployment Drops", "ORG"), ("New Jobs Added", "ORG"), ("Kraton Surprised", "ORG"),
                ("Kraton", "ORG"))
    assert got == {("Kraton", "organization"): 2}
    # A plural of a firm's name before a year, a place or a day is the name's own ("General Foods in 1957").
    text = "Tang was developed by General Foods in 1957. Fans of Sale Sharks in Manchester cheered. General Foods said so."
    got = found(text, ("General Foods", "ORG"), ("Sale Sharks", "ORG"), ("General Foods", "ORG"))
    assert got == {("General Foods", "organization"): 2, ("Sale Sharks", "organization"): 1}


def test_seventh_round_transfer_wording_makes_a_match_report():
    text = ("Manchester City are keen to sign Anderlecht teenager Evangelos Patoulidis. The playmaker has also attracted "
            "attention from Arsenal and Barcelona. The starlet rejected a move to Barcelona's academy and stayed in "
            "Anderlecht's youth set-up.")
    got = found(text, ("Manchester City", "GPE"), ("Evangelos Patoulidis", "PERSON"), ("Arsenal", "GPE"),
                ("Barcelona", "GPE"), ("Barcelona", "GPE"))
    assert got[("Manchester City", "organization")] == 1 and got[("Arsenal", "organization")] == 1
    assert got[("Barcelona", "organization")] == 2


def test_seventh_round_towns_counties_and_agreements():
    text = "A bomb went off in Omagh, Co Tyrone. Police in Omagh said. The family moved to Santa Monica last year."
    got = found(text, ("Omagh", "GPE"), ("Co Tyrone", "ORG"), ("Omagh", "ORG"), ("Santa Monica", "GPE"))
    assert got == {("Omagh", "place"): 2, ("Co Tyrone", "place"): 1, ("Santa Monica", "place"): 1}
    text = "India and Pakistan signed the South Asian Free Trade Area Agreement. The Kyoto Protocol came in."
    got = found(text, ("India", "GPE"), ("Pakistan", "GPE"), ("South Asian Free Trade Area Agreement", "ORG"),
                ("Kyoto Protocol", "ORG"))
    assert got == {("India", "place"): 1, ("Pakistan", "place"): 1}


def test_seventh_round_tv_shows_substances_and_diseases_are_no_names():
    text = ("The Coronation Street actress left. Big Brother housemates cheered. The ITV soap Emmerdale won; "
            "ITV said so.")
    got = found(text, ("Coronation Street", "LOC"), ("Big Brother", "PERSON"), ("ITV", "ORG"), ("Emmerdale", "GPE"),
                ("ITV", "ORG"))
    assert got == {("ITV", "organization"): 2}
    text = "PVC plastic and Bisphenol A were found. The SARS outbreak spread; SARS killed many. AC Milan won Serie A."
    got = found(text, ("PVC", "ORG"), ("Bisphenol A", "ORG"), ("SARS", "ORG"), ("SARS", "ORG"), ("AC Milan", "ORG"),
                ("Serie A", "ORG"))
    assert got == {("AC Milan", "organization"): 1, ("Serie A", "organization"): 1}


def test_seventh_round_clubs_and_players_of_a_match_report():
    text = ("Chelsea beat Atletico Madrid 2-1 in the league match. Midfielder Edu scored the goal, and the coach "
            "praised the striker.")
    got = found(text, ("Chelsea", "ORG"), ("Atletico Madrid", "PERSON"), ("Midfielder Edu", "ORG"))
    assert got[("Atletico Madrid", "organization")] == 1 and ("Midfielder Edu", "organization") not in got
    # Not a player whose surname is also a town's name ("Gareth Bale").
    text = "Real Madrid beat Getafe 2-1 in the league match, Gareth Bale scoring; the coach was pleased."
    got = found(text, ("Real Madrid", "ORG"), ("Getafe", "ORG"), ("Gareth Bale", "PERSON"))
    assert got[("Gareth Bale", "person")] == 1


def test_seventh_round_a_small_word_capitalised_inside_a_name_says_a_title():
    text = "She starred in Adventures In Babysitting. Transport For London said so. Friends Of The Earth agreed."
    got = found(text, ("Adventures In Babysitting", "ORG"), ("Transport For London", "ORG"),
                ("Friends Of The Earth", "ORG"))
    assert got == {("Transport For London", "organization"): 1, ("Friends Of The Earth", "organization"): 1}


def test_seventh_round_a_firms_first_word_typed_as_a_place_is_the_firm():
    text = "Investors bought shares in Jet Airways, India's biggest airline. Analysts expect Jet's IPO to raise $375m."
    got = found(text, ("Jet Airways", "ORG"), ("India", "GPE"), ("Jet", "GPE"))
    assert got == {("Jet Airways", "organization"): 2, ("India", "place"): 1}


def test_eighth_round_a_given_name_mostly_tagged_a_person_is_no_body():
    text = ("Gemma faces a ban. Gemma says she is sorry. Her mother Debbie said Gemma's son misses her, and Gemma "
            "agreed. Gemma's lawyer spoke.")
    got = found(text, ("Gemma", "ORG"), ("Gemma", "PERSON"), ("Debbie", "PERSON"), ("Gemma", "PERSON"),
                ("Gemma", "ORG"), ("Gemma", "PERSON"))
    assert ("Gemma", "organization") not in got
    # A firm tagged PERSON most times is no given name: its organisation's tag stands.
    text = "Yukos said so. Yukos said more. Yukos agreed, and Yukos shares fell."
    got = found(text, ("Yukos", "PERSON"), ("Yukos", "PERSON"), ("Yukos", "PERSON"), ("Yukos", "ORG"))
    assert got == {("Yukos", "organization"): 4}


def test_eighth_round_titles_after_a_genre_or_before_their_credits_are_no_names():
    text = ("Comedy Meet The Fockers topped the chart. The sequel to the Ben Stiller comedy Meet The Parents did well. "
            "The Aviator, starring Leonardo DiCaprio, was third. Comedy Central said so.")
    got = found(text, ("Comedy Meet The Fockers", "PERSON"), ("Ben Stiller", "PERSON"), ("Meet The Parents", "ORG"),
                ("Aviator", "ORG"), ("Leonardo DiCaprio", "PERSON"), ("Comedy Central", "ORG"))
    assert got == {("Ben Stiller", "person"): 1, ("Leonardo DiCaprio", "person"): 1,
                   ("Comedy Central", "organization"): 1}


def test_eighth_round_a_sentences_first_word_run_into_a_name_is_cut():
    text = ("Portugal needs help. Regarding Ireland, he said little. A European Union official spoke. "
            "Ireland and the European Union agreed. Officials in India's Andhra Pradesh state met.")
    got = found(text, ("Portugal", "GPE"), ("Regarding Ireland", "PERSON"), ("A European Union", "ORG"),
                ("Ireland", "GPE"), ("the European Union", "ORG"), ("India", "GPE"), ("Andhra Pradesh", "ORG"))
    assert got == {("Portugal", "place"): 1, ("Ireland", "place"): 2, ("European Union", "organization"): 2,
                   ("India", "place"): 1, ("Andhra Pradesh", "place"): 1}


def test_eighth_round_a_show_after_its_kind_or_a_work_an_actor_starred_in_is_no_name():
    text = ("She starred in Twin Peaks and Brass Eye. The TV show Cheers ran long. Polls show Obama ahead. "
            "He starred in Paris.")
    got = found(text, ("Twin Peaks", "ORG"), ("Brass Eye", "ORG"), ("Cheers", "ORG"), ("Obama", "PERSON"),
                ("Paris", "GPE"))
    assert ("Twin Peaks", "organization") not in got and ("Brass Eye", "organization") not in got
    assert ("Cheers", "organization") not in got and got[("Paris", "place")] == 1


def test_eighth_round_a_team_list_with_a_substitutes_minute_lists_players():
    text = ("City won the league match 2-1 and the striker scored twice.\n\n"
            "Phillips, Amankwaah, Coles, Murray (Anyinsah 59), Doherty (Harley 45), Dinning, Bell, Lita.\n\n")
    got = found(text, ("Phillips", "ORG"), ("Doherty", "ORG"), ("Harley", "ORG"), ("Dinning", "ORG"), ("Bell", "ORG"))
    assert not any(t == "organization" for _, t in got)


def test_eighth_round_a_saints_name_is_no_person_and_a_headlines_verb_is_cut():
    text = "Fans packed St James on Saturday. Crowds then went to St Albans."
    got = found(text, ("St James", "PERSON"), ("St Albans", "PERSON"))
    assert got == {("St Albans", "place"): 1}
    text = "Microsoft Blames Google\n\nMicrosoft said Google had broken the rules, and Google denied it."
    got = found(text, ("Microsoft", "ORG"), ("Blames Google", "PERSON"), ("Microsoft", "ORG"), ("Google", "ORG"),
                ("Google", "ORG"))
    assert ("Blames Google", "person") not in got and got[("Google", "organization")] == 3


def test_eighth_round_a_players_position_before_a_one_word_name_says_a_player():
    text = ("Barcelona beat Celta in the league match and the coach was pleased. Neymar scored twice, and forward "
            "Neymar's goals won it; Neymar was named man of the match.")
    got = found(text, ("Barcelona", "ORG"), ("Celta", "ORG"), ("Neymar", "ORG"), ("Neymar", "PERSON"),
                ("Neymar", "ORG"))
    assert ("Neymar", "organization") not in got


def test_eighth_round_a_portfolio_of_words_and_foods_listed_are_no_names():
    text = ("Trade and Industry Secretary Patricia Hewitt spoke. Home Office Minister Tony McNulty agreed. "
            "Dyes are added to foods including Pop-Tarts, Hostess Twinkies and Frito-Lay Doritos.")
    got = found(text, ("Trade and Industry", "ORG"), ("Patricia Hewitt", "PERSON"), ("Home Office", "ORG"),
                ("Tony McNulty", "PERSON"), ("Pop-Tarts", "ORG"), ("Hostess Twinkies", "ORG"),
                ("Frito-Lay Doritos", "ORG"))
    assert got == {("Patricia Hewitt", "person"): 1, ("Home Office", "organization"): 1, ("Tony McNulty", "person"): 1}


def test_eighth_round_dams_numbers_quarters_and_rare_surnames():
    text = ("The Three Gorges Dam made power. Red No. 40 is a dye. Sales rose in Q4. The film stars Tiffany Espensen, "
            "and Morgan Stanley paid for it.")
    got = found(text, ("Three Gorges Dam", "ORG"), ("Red No", "ORG"), ("Q4", "GPE"), ("Tiffany Espensen", "ORG"),
                ("Morgan Stanley", "ORG"))
    assert got == {("Three Gorges Dam", "place"): 1, ("Tiffany Espensen", "person"): 1,
                   ("Morgan Stanley", "organization"): 1}


def test_eighth_round_a_firms_customers_or_shares_say_a_firm_not_a_place():
    text = "Netflix has made it clear. Fox shows were available to Netflix subscribers. Sales to UK customers rose."
    got = found(text, ("Netflix", "GPE"), ("Fox", "ORG"), ("Netflix", "GPE"), ("UK", "GPE"))
    assert got[("Netflix", "organization")] == 2 and got[("UK", "place")] == 1


def test_eighth_round_a_role_word_opening_a_sentence_before_a_full_name_and_an_accountancy_firm():
    text = "The flight was late. Holidaymaker David Meadwell said it was chaos. Khoo Kay Peng agreed."
    got = found(text, ("Holidaymaker David Meadwell", "PERSON"), ("Khoo Kay Peng", "PERSON"))
    assert got == {("David Meadwell", "person"): 1, ("Khoo Kay Peng", "person"): 1}
    text = "The audit was done by accountants Grant Thornton, and Grant Thornton said so."
    got = found(text, ("Grant Thornton", "PERSON"), ("Grant Thornton", "PERSON"))
    assert got == {("Grant Thornton", "organization"): 2}


def test_eighth_round_no_person_of_a_language_and_a_rare_word_nor_a_verb_cut_from_a_known_place():
    text = "Yields rose above benchmark German Bunds. Traders in German Bunds agreed."
    got = found(text, ("German Bunds", "GPE"), ("German Bunds", "ORG"))
    assert not any(t == "person" for _, t in got)
    got = found("It rose 2% in Las Vegas. Then Vegas was busy.", ("Las Vegas", "GPE"), ("Vegas", "GPE"))
    assert ("Las Vegas", "place") in got


def test_eighth_round_a_nations_adjective_before_a_persons_surname():
    text = "Benita Johnson won the race. Australian Johnson led from the start, said Johan Pouwelse."
    got = found(text, ("Benita Johnson", "PERSON"), ("Australian Johnson", "PERSON"), ("Johan Pouwelse", "PERSON"))
    assert got == {("Benita Johnson", "person"): 2, ("Johan Pouwelse", "person"): 1}


def test_ninth_round_a_title_cut_after_district_is_no_place():
    text = "He was charged, the Clark County District Attorney said. Clark County officials agreed."
    got = found(text, ("Clark County District", "GPE"), ("Clark County", "GPE"))
    assert got == {("Clark County", "place"): 1}


def test_ninth_round_a_players_position_or_a_word_for_a_person_before_a_full_name():
    text = ("Napoli won 2-0 in the league. Their goalkeeper Morgan de Sanctis made a save, and De Sanctis said the goal "
            "was offside. The forward Yoshinori Muto scored.")
    got = found(text, ("Morgan de Sanctis", "ORG"), ("De Sanctis", "ORG"), ("Yoshinori Muto", "ORG"))
    assert got == {("Morgan de Sanctis", "person"): 2, ("Yoshinori Muto", "person"): 1}
    text = "Wipro is majority owned by India's richest man Azim Premji."
    assert found(text, ("Azim Premji", "ORG")) == {("Azim Premji", "person"): 1}


def test_ninth_round_a_common_given_name_and_a_rare_surname_tagged_as_an_organisation():
    text = "The prize was won by Sofia Coppola, and later by Flavia Pennetta. Morgan Stanley paid for it."
    got = found(text, ("Sofia Coppola", "ORG"), ("Flavia Pennetta", "ORG"), ("Morgan Stanley", "ORG"))
    assert got == {("Sofia Coppola", "person"): 1, ("Flavia Pennetta", "person"): 1,
                   ("Morgan Stanley", "organization"): 1}


def test_ninth_round_works_in_apposition_and_a_title_an_actor_stars_in():
    text = ("It beat the box-office hit, The Chorus. The Chorus, a film about a teacher, won. His second album, "
            "Nights Out, sold well. Next, she stars opposite Depp in Pirates of the Caribbean.")
    got = found(text, ("Chorus", "ORG"), ("Chorus", "ORG"), ("Nights Out", "PERSON"), ("Depp", "PERSON"),
                ("Pirates", "ORG"))
    assert not {n for n, _ in got} & {"Chorus", "Nights Out", "Pirates"}
    text = "Christian Slater is to star in Broadway play The Glass Menagerie. He is on Broadway."
    assert ("Broadway", "place") in found(text, ("Broadway", "FAC"), ("Broadway", "FAC"))


def test_ninth_round_a_title_or_a_club_run_into_a_persons_name():
    text = "Detective T.J. Moore said it was a crime. Moore said more. Moore left."
    got = found(text, ("Detective T.J. Moore", "ORG"), ("Moore", "PERSON"), ("Moore", "PERSON"))
    assert got == {("T.J. Moore", "person"): 3}
    text = ("Andros Townsend played for Tottenham in a 0-0 draw with Burnley. They drew against Burnley Townsend was "
            "brought on. Glen Post spoke to the Denver Post.")
    got = found(text, ("Andros Townsend", "PERSON"), ("Tottenham", "ORG"), ("Burnley", "ORG"),
                ("Burnley Townsend", "ORG"), ("Glen Post", "PERSON"), ("Denver Post", "ORG"))
    assert got[("Andros Townsend", "person")] == 2 and ("Denver Post", "organization") in got


def test_ninth_round_a_partys_singular_a_town_listed_beside_towns_and_a_firms_name_cut_short():
    text = "The Lib Dems won. Lib Dem leader Charles Kennedy spoke, and the Lib Dems cheered."
    got = found(text, ("Lib Dems", "ORG"), ("Lib Dem", "GPE"), ("Charles Kennedy", "PERSON"), ("Lib Dems", "ORG"))
    assert got == {("Lib Dems", "organization"): 3, ("Charles Kennedy", "person"): 1}
    text = "Labour held it in Blackpool, Bournemouth and Brighton. Last year Bournemouth hosted it."
    got = found(text, ("Blackpool", "GPE"), ("Bournemouth", "ORG"), ("Brighton", "GPE"), ("Bournemouth", "ORG"))
    assert got[("Bournemouth", "place")] == 2
    text = "Circuit City Stores got an offer. Analysts said Circuit City is cheap, and bids for Circuit City rose."
    got = found(text, ("Circuit City Stores", "ORG"), ("Circuit City", "GPE"), ("Circuit City", "GPE"))
    assert got == {("Circuit City Stores", "organization"): 3}


def test_ninth_round_a_firm_named_with_its_s_and_a_team_of_a_town_tagged_as_a_place():
    text = "The sign went unsold at Sotheby's on Wednesday. A Sotheby's employee bid, at a Sotheby's auction."
    got = found(text, ("Sotheby's", "ORG"), ("Sotheby's", "ORG"), ("Sotheby's", "ORG"))
    assert got == {("Sotheby's", "organization"): 3}
    text = "The San Diego Padres lost. He flew to the Cayman Islands."
    got = found(text, ("San Diego Padres", "GPE"), ("Cayman Islands", "GPE"))
    assert got == {("San Diego Padres", "organization"): 1, ("Cayman Islands", "place"): 1}


def test_ninth_round_a_single_said_as_one_a_titles_verb_after_a_name_and_a_rare_town_after_a_given_name():
    text = "The band's first single Hey Joe, signed by all, sold. A single Everton player scored."
    got = found(text, ("Hey Joe", "PERSON"), ("Everton", "ORG"))
    assert got == {("Everton", "organization"): 1}
    got = found("Artists include Tracey Emin in 2002.", ("Tracey Emin", "ORG"))
    assert got == {("Tracey Emin", "person"): 1}
    title, text = "Rooney Scores 3 Goals for United; Chelsea Slips", "Chelsea's hopes were hurt. Chelsea drew."
    mentions = [entities.mention_at(title, title.index("Chelsea Slips"), "Chelsea Slips", "PERSON", headline=True)]
    at = text.index("Chelsea's")
    mentions += [entities.mention_at(text, at, "Chelsea", "ORG"),
                 entities.mention_at(text, text.index("Chelsea", at + 5), "Chelsea", "ORG")]
    assert {(e.text, e.type) for e in entities.merge(mentions)} == {("Chelsea", "organization")}


def test_ninth_round_two_rare_words_tagged_as_an_organisation_in_a_match_report_are_a_player():
    text = ("France won the match 24-18 in the league, with tries and a goal. Pepito Elhorga scored. Stade Francais and "
            "Biarritz Olympique drew.")
    got = found(text, ("Pepito Elhorga", "ORG"), ("Stade Francais", "ORG"), ("Biarritz Olympique", "ORG"))
    assert got[("Pepito Elhorga", "person")] == 1
    assert ("Stade Francais", "organization") in got and ("Biarritz Olympique", "organization") in got


def test_ninth_round_a_prizes_ceremony_in_the_plural_is_no_name():
    text = "The Oscar-winning actor was at the Oscars, and so was the head of Paramount Pictures."
    got = found(text, ("Oscars", "ORG"), ("Paramount Pictures", "ORG"))
    assert got == {("Paramount Pictures", "organization"): 1}


def test_a_name_the_model_began_on_without_gets_its_first_words_back():
    text = "Access was blocked, said the media watchdog, Reporters Without Borders. The watchdog is in Paris."
    got = found(text, ("Without Borders", "PERSON"), ("Paris", "GPE"))
    assert got == {("Reporters Without Borders", "organization"): 1, ("Paris", "place"): 1}


def test_aid_heads_a_charitys_name():
    text = "Christian Aid condemned the move. Christian Aid said jobs would go."
    got = found(text, ("Christian Aid", "PERSON"), ("Christian Aid", "PERSON"))
    assert got == {("Christian Aid", "organization"): 2}


def test_a_title_case_headlines_verb_and_words_after_it_are_cut_from_the_name():
    title = "Michelle Obama Brings Back Some Oldies But Goodies"
    body = "The outfits Michelle Obama wore were praised."
    mentions = [entities.mention_at(title, 0, "Michelle Obama Brings Back Some Oldies", "PERSON", headline=True),
                entities.mention_at(body, body.index("Michelle"), "Michelle Obama", "PERSON")]
    got = {(e.text, e.type): e.count for e in entities.merge(mentions)}
    assert got == {("Michelle Obama", "person"): 2}


def test_a_name_written_with_and_without_a_space_is_one():
    text = "Olivia DeHavilland smiled. A bonnet worn by Olivia De Havilland sold. Olivia De Havilland wore it."
    got = found(text, ("Olivia DeHavilland", "PERSON"), ("Olivia De Havilland", "PERSON"), ("Olivia De Havilland", "PERSON"))
    assert got == {("Olivia De Havilland", "person"): 3}


def test_a_trophy_run_into_the_next_name_of_a_list_is_that_name():
    text = ("Cambiasso smiled. His team won the 2010 FIFA Club World Cup Cambiasso had a fine career. "
            "River Plate Argentine Primera Division Real Madrid (2002-2004). He left Real Madrid.")
    got = found(text, ("Cambiasso", "PERSON"), ("FIFA Club World Cup Cambiasso", "ORG"),
                ("Argentine Primera Division Real Madrid", "ORG"), ("Real Madrid", "ORG"))
    assert ("FIFA Club World Cup Cambiasso", "organization") not in got
    assert got[("Real Madrid", "organization")] == 2


def test_a_one_word_place_no_gazetteer_holds_before_a_capitalised_word_is_a_name_cut_short():
    text = "There is a case to play the spinner in Adil Rashid and to rest him in Bridgetown."
    got = found(text, ("Adil", "GPE"), ("Bridgetown", "GPE"))
    assert got == {("Bridgetown", "place"): 1}


def test_a_capitalised_trade_before_a_full_name_is_no_part_of_it():
    text = "Lawyer David Chesnoff said the case was closed."
    assert found(text, ("Lawyer David Chesnoff", "PERSON")) == {("David Chesnoff", "person"): 1}


def test_a_persons_thing_run_into_the_name_is_cut_at_the_possessive():
    text = "Fat Albert, an adaptation of Bill Cosby's TV cartoon, fell one place."
    assert found(text, ("Bill Cosby's TV", "PERSON")) == {("Bill Cosby", "person"): 1}


def test_a_subhead_in_capitals_run_into_the_next_sentence_is_no_name():
    text = "The IMF agreed. GREEK MEMORIES Underscoring the tenuous state of its finances, Portugal said."
    got = found(text, ("IMF", "ORG"), ("GREEK MEMORIES Underscoring", "ORG"), ("Portugal", "GPE"))
    assert got == {("IMF", "organization"): 1, ("Portugal", "place"): 1}


def test_a_cup_named_first_in_its_language_is_an_event():
    text = "He won Serie A (5) and Coppa Italia (4) with Inter Milan."
    got = found(text, ("Coppa Italia", "PERSON"), ("Inter Milan", "ORG"))
    assert got == {("Inter Milan", "organization"): 1}


def test_two_plain_words_tagged_as_a_person_are_an_organisation():
    text = "Best Buy said sales rose, and Barack Obama said so too."
    got = found(text, ("Best Buy", "PERSON"), ("Barack Obama", "PERSON"))
    assert got == {("Best Buy", "organization"): 1, ("Barack Obama", "person"): 1}


def test_a_partys_word_before_a_full_name_is_no_part_of_it():
    text = "Tory Neil Hamilton stood against him."
    assert found(text, ("Tory Neil Hamilton", "PERSON")) == {("Neil Hamilton", "person"): 1}


def test_a_credit_rating_is_no_name_and_an_acronym_of_letters_stays():
    text = "Fitch cut its rating to BBB-. She may defend her AAA title."
    got = found(text, ("BBB-", "ORG"), ("AAA", "ORG"))
    assert got == {("AAA", "organization"): 1}


def test_a_title_after_adventure_is_a_work():
    text = "Children's adventure Lemony Snicket's A Series of Unfortunate Events took $12m."
    assert found(text, ("Lemony Snicket's", "ORG")) == {}


def test_a_titles_question_word_is_no_part_of_the_name_after_it():
    title = "Will Jane Doeberry's Husband Run for Mayor?"
    body = "Jane Doeberry said her husband, Tom Doeberry, might run."
    mentions = [entities.mention_at(title, 0, "Will Jane Doeberry's", "PERSON", headline=True),
                entities.mention_at(body, 0, "Jane Doeberry", "PERSON"),
                entities.mention_at(body, body.index("Tom Doeberry"), "Tom Doeberry", "PERSON")]
    got = {(e.text, e.type) for e in entities.merge(mentions)}
    assert got == {("Jane Doeberry", "person"), ("Tom Doeberry", "person")}
    # a name the body writes with that word keeps it
    body = "Will Smith said he would star in it."
    mentions = [entities.mention_at("Will Smith Star in Sequel?", 0, "Will Smith", "PERSON", headline=True),
                entities.mention_at(body, 0, "Will Smith", "PERSON")]
    assert {(e.text, e.type) for e in entities.merge(mentions)} == {("Will Smith", "person")}


def test_a_verbs_form_before_a_name_is_no_given_name():
    text = "Kohli - 5 Stabilised India's reply after the early loss of both openers."
    assert found(text, ("India", "GPE")) == {("India", "place"): 1}


def test_a_given_name_alone_tagged_otherwise_is_the_person_a_title_names():
    text = ("Mother Carole, 56, was on hand. Pippa arrived just minutes ahead of Carole on Thursday. He is designing "
            "an outfit for Carole.")
    got = found(text, ("Mother Carole", "PERSON"), ("Carole", "ORG"), ("Carole", "ORG"))
    assert got == {("Carole", "person"): 3}


def test_an_everyday_word_said_to_be_someones_or_a_times_is_no_organisation():
    text = "He cut stamp duty in this week's Budget. After his Budget, the Treasury said so, and Labour was pleased."
    got = found(text, ("Budget", "ORG"), ("Budget", "ORG"), ("Treasury", "ORG"), ("Labour", "ORG"))
    assert got == {("Treasury", "organization"): 1, ("Labour", "organization"): 1}
    text = "The pre-Budget report came out. Mozilla released Firefox 1.0 and Mozilla said so."
    got = found(text, ("pre-Budget", "ORG"), ("Mozilla", "ORG"), ("Firefox 1.0", "ORG"), ("Mozilla", "ORG"))
    assert got == {("Mozilla", "organization"): 2}


def test_the_rest_of_an_office_or_a_chair_is_no_organisation():
    text = ("It did not matter whether the post was called Secretary of State for Constitutional Affairs. She was "
            "Professor of Ballet and Performing Arts in the University of Cincinnati.")
    got = found(text, ("State for Constitutional Affairs", "ORG"), ("Performing Arts", "ORG"),
                ("University of Cincinnati", "ORG"))
    assert got == {("University of Cincinnati", "organization"): 1}


def test_a_firm_named_for_a_doctor_is_one_firm_and_a_restaurant_is_a_firm():
    text = ("Profits at drugmaker Dr Reddy's fell 93%. Dr Reddy's has built its name on generics. Mexican restaurant "
            "Chipotle has teamed up with an app. Chipotle is not the only chain. She ate in a Chipotle in Ohio.")
    got = found(text, ("Dr Reddy", "PERSON"), ("Reddy's", "ORG"), ("Chipotle", "PERSON"), ("Chipotle", "PERSON"),
                ("Chipotle", "GPE"), ("Ohio", "GPE"))
    assert got == {("Dr Reddy's", "organization"): 2, ("Chipotle", "organization"): 3, ("Ohio", "place"): 1}


def test_a_verb_or_a_title_run_into_a_name_is_cut():
    text = ("He spent two days in Madurai. In Madurai Addressing an election meeting, she spoke. On top of the deal "
            "with Tanzania Mr Brown said the UK would do more. Gordon Brown left.")
    got = found(text, ("Madurai", "GPE"), ("Madurai Addressing", "ORG"), ("Tanzania Mr Brown", "ORG"),
                ("Gordon Brown", "PERSON"))
    assert got == {("Madurai", "place"): 2, ("Gordon Brown", "person"): 2}


def test_a_bodys_second_place_after_and_is_its_name():
    text = "The chairman of the Police Federation of England and Wales, which represents officers, said it."
    got = found(text, ("Police Federation of England", "ORG"))
    assert got == {("Police Federation of England and Wales", "organization"): 1}


def test_a_town_someone_moves_to_from_another_is_a_place_in_a_match_report():
    text = ("Azarenka beat Sharapova 6-1, 6-4 in the final. The seeded player won the match 4-2 and the match before "
            "5-4. She joked she's planning to move to Miami from Minsk.")
    got = found(text, ("Miami", "GPE"), ("Minsk", "GPE"))
    assert got == {("Miami", "place"): 1, ("Minsk", "place"): 1}


def test_a_places_possessive_before_a_body_stays_a_place_and_an_unknown_place_opening_a_firms_name_is_the_firm():
    text = "In a speech in Edinburgh, he spoke. In a speech at Edinburgh's Napier University, he spoke again."
    got = found(text, ("Edinburgh", "GPE"), ("Edinburgh", "ORG"), ("Napier University", "ORG"))
    assert got == {("Edinburgh", "place"): 2, ("Napier University", "organization"): 1}
    text = "Users of Zorbly can get it, said Ann Lee of Zorbly Europe. Zorbly hopes to win."
    got = found(text, ("Zorbly", "GPE"), ("Ann Lee", "PERSON"), ("Zorbly Europe", "ORG"), ("Zorbly", "GPE"))
    assert ("Zorbly", "place") not in got and ("Zorbly Europe", "organization") in got


def test_the_last_piece_of_a_name_cut_before_it_is_no_name():
    text = ("Reviews of Lord of the Rings will follow. Microsoft's Internet Explorer has a rival. Brady told The Sun "
            "it was a waste. The Speaker of the House spoke.")
    got = found(text, ("Rings", "ORG"), ("Microsoft", "ORG"), ("Explorer", "ORG"), ("Sun", "ORG"), ("House", "ORG"))
    assert ("Rings", "organization") not in got and ("Explorer", "organization") not in got
    assert ("Sun", "organization") in got and ("House", "organization") in got


def test_a_bodys_name_cut_at_and_is_made_whole_and_a_state_of_a_place_is_the_place():
    text = "Mike Berger, director of the Texas Parks and Wildlife Department, said so. The State of California sued."
    got = found(text, ("Mike Berger", "PERSON"), ("Texas Parks", "ORG"), ("Wildlife Department", "ORG"),
                ("State of California", "ORG"))
    assert got == {("Mike Berger", "person"): 1, ("Texas Parks and Wildlife Department", "organization"): 1,
                   ("California", "place"): 1}  # the state, named as other mentions of it name it
    text = "The Institute of Zoology, Natural England and Oxford University ran it."
    got = found(text, ("Institute of Zoology", "ORG"), ("Natural England", "ORG"), ("Oxford University", "ORG"))
    assert ("Oxford University", "organization") in got


def test_a_team_run_into_a_players_surname_and_a_hyphened_phrases_word_are_no_names():
    text = ("Hughes knocked out George North as he scored a try for Northampton. His knee hit George North's head as "
            "he crossed the line to score for Northampton North was left out cold. Verizon sells Compute-as-a-Service "
            "products, and the Denver Post said Glen Post was right.")
    got = found(text, ("Hughes", "PERSON"), ("George North", "PERSON"), ("Northampton", "GPE"),
                ("George North's", "PERSON"), ("Northampton North", "LOC"), ("Verizon", "ORG"), ("Compute", "ORG"),
                ("Denver Post", "ORG"), ("Glen Post", "PERSON"))
    assert ("Northampton North", "organization") not in got and ("Compute", "organization") not in got
    assert ("Denver Post", "organization") in got and ("George North", "person") in got


def test_a_clause_of_two_names_and_a_verb_and_a_divisions_numeral():
    text = ("Verizon said it would buy Terremark. Related: Verizon Buys Terremark, and more. She is the seventh player "
            "in NCAA Division I women's basketball to do so, the best in NCAA Division I. Moore has led the team.")
    got = found(text, ("Verizon", "ORG"), ("Terremark", "ORG"), ("Verizon Buys Terremark", "ORG"),
                ("NCAA Division", "ORG"), ("I. Moore", "PERSON"))
    assert ("Verizon Buys Terremark", "organization") not in got and ("NCAA Division I", "organization") in got
    assert ("I. Moore", "person") not in got


def test_a_title_after_version_of_or_a_part_in_is_a_work():
    text = "Her version of Giselle is still praised. She took a major part in Les Sylphides. He runs Acme."
    got = found(text, ("Giselle", "ORG"), ("Les Sylphides", "GPE"), ("Acme", "ORG"))
    assert got == {("Acme", "organization"): 1}


def test_version_of_a_firms_thing_or_a_name_that_goes_on_is_no_work():
    text = ("The new version of Facebook's site works. A rendition of the Rolling Stones hit. "
            "It joined the third celebrity version of Channel 4 reality show.")
    got = found(text, ("Facebook", "ORG"), ("the Rolling Stones", "ORG"), ("Channel 4", "ORG"))
    assert got == {("Facebook", "organization"): 1, ("Rolling Stones", "organization"): 1,
                   ("Channel 4", "organization"): 1}


def test_a_title_in_apposition_to_an_adaptation_is_a_work():
    text = "And Fat Albert, a live-action adaptation of Bill Cosby's cartoon, fell to fifth."
    assert found(text, ("Fat Albert", "PERSON"), ("Bill Cosby", "PERSON")) == {("Bill Cosby", "person"): 1}


def test_names_after_people_such_as_are_people():
    text = "People such as Matisse and Stravinsky were like uncles. Artists including Hockney, Freud and Bacon came."
    got = found(text, ("Matisse", "ORG"), ("Hockney", "ORG"), ("Freud", "GPE"))
    assert got == {}  # surnames alone: people, and left out


def test_a_town_tagged_as_a_person_after_in_is_a_place():
    text = "She joined Diaghilev in Monte Carlo when she was 14."
    assert found(text, ("Monte Carlo", "PERSON")) == {("Monte Carlo", "place"): 1}


def test_engineering_group_and_shares_in_say_a_firm():
    text = ("Shares in engineering group Jarvis have soared. Jarvis said the sale went well. "
            "Shares in Jarvis were up 16%.")
    got = found(text, ("Jarvis", "PERSON"), ("Jarvis", "PERSON"), ("Jarvis", "PERSON"))
    assert got == {("Jarvis", "organization"): 3}
    text = "Shares in UK Coal fell. The group, a minority group, met."
    assert found(text, ("UK", "GPE")) == {("UK", "place"): 1}
    text = "Sales rose at its group Zantrovia, and Zantrovia hired more staff."  # a determiner's group: no firm's noun
    assert found(text, ("Zantrovia", "PERSON"), ("Zantrovia", "PERSON")) != {("Zantrovia", "organization"): 2}


def test_a_ticker_tagged_alone_names_the_firm_before_it():
    text = "Schneider Electric SA (SU) and Soitec (SOI) SA have agreed to work together. EverQuest (EQ) is a game."
    got = found(text, ("Schneider Electric SA", "ORG"), ("SOI", "ORG"), ("EQ", "ORG"))
    assert got == {("Schneider Electric SA", "organization"): 1, ("Soitec", "organization"): 1,
                   ("EQ", "organization"): 1}


def test_an_untagged_firm_in_apposition_is_found():
    text = ("Parmalat, the Italian food group at the centre of a scandal, has doubled its profit. "
            "Meanwhile, the company said more. Yazidis, a minority group whose members fled, were freed.")
    spans = entities.with_untagged_firms(text, [])
    assert spans == [(0, "Parmalat", "ORG")]
    got = {(e.text, e.type): e.count for e in entities.merge([entities.mention_at(text, s, n, lab)
                                                               for s, n, lab in spans])}
    assert got == {("Parmalat", "organization"): 1}
    text = "Its rival Gazprom, the state gas firm which opted out, bid."
    tagged = [(10, "Gazprom", "ORG")]
    assert entities.with_untagged_firms(text, tagged) == tagged  # tagged already: nothing added


def test_a_character_played_by_an_actor_is_no_name():
    text = ("Demelza Poldark is now a mother. Demelza, played by Eleanor Tomlinson, talks about it. "
            "In the film he plays Wolverine.")
    got = found(text, ("Demelza Poldark", "ORG"), ("Demelza", "PERSON"), ("Eleanor Tomlinson", "PERSON"),
                ("Wolverine", "ORG"))
    assert got == {("Eleanor Tomlinson", "person"): 1}
    text = "Rooney played Everton twice and scored against Arsenal in a league match; Everton lost the match."
    assert ("Everton", "organization") in found(text, ("Everton", "ORG"), ("Arsenal", "ORG"), ("Everton", "ORG"))


def test_an_untagged_firm_after_a_firms_noun_is_found():
    text = "It was started by browser maker Netscape in 1998. Internet monitoring firm WebSideStory says so."
    tagged = [(text.index("Netscape"), "Netscape", "NORP")]
    got = entities.with_untagged_firms(text, tagged)
    assert got == [(text.index("Netscape"), "Netscape", "ORG"), (text.index("WebSideStory"), "WebSideStory", "ORG")]
    text = "The airline Ryanair Holdings said so. A firm The Times named did too."
    assert entities.with_untagged_firms(text, []) == []  # a word of English in the name ("Holdings"); "The"


def test_the_title_that_took_money_in_a_box_office_report_is_a_film():
    text = "Fockers keeps its box office lead. The Incredibles took $300m outside the US, and Disney took $1bn."
    got = found(text, ("Incredibles", "ORG"), ("US", "GPE"), ("Disney", "ORG"))
    assert got == {("US", "place"): 1, ("Disney", "organization"): 1}


def test_a_character_described_after_an_actors_verb_is_no_name_whatever_it_reads_as():
    text = ("Rooney Mara, who portrays troubled computer hacker Lisbeth Salander, was praised. "
            "He played alongside Tom Hanks and played host to Ben Stiller.")
    got = found(text, ("Rooney Mara", "PERSON"), ("Lisbeth Salander", "PERSON"), ("Tom Hanks", "PERSON"),
                ("Ben Stiller", "PERSON"))
    assert got == {("Rooney Mara", "person"): 1, ("Tom Hanks", "person"): 1, ("Ben Stiller", "person"): 1}


def test_titles_after_reviews_of_or_shows_such_as_are_works():
    text = ("Reviews of Call of Duty, Splinter Cell and Pocket Kingdom follow. On air, Fox has reality shows, such as "
            "American Idol, on air. Some introduce digital titles like LVMH Moet Hennessy SA has done.")
    got = found(text, ("Splinter Cell", "PERSON"), ("Pocket Kingdom", "GPE"), ("Fox", "ORG"), ("American Idol", "ORG"),
                ("LVMH Moet Hennessy SA", "ORG"))
    assert got == {("Fox", "organization"): 1, ("LVMH Moet Hennessy SA", "organization"): 1}


def test_a_one_word_name_after_a_capitalised_word_and_of_the_is_a_cut_title():
    text = "The film Lord of the Rings, like Pirates of the Caribbean, won, and the Bank of the West lent."
    got = found(text, ("Rings", "ORG"), ("Caribbean", "LOC"), ("Bank of the West", "ORG"))
    assert got == {("Caribbean", "place"): 1, ("Bank of the West", "organization"): 1}


def test_a_colour_before_a_makers_name_and_a_models_is_a_thing():
    text = "They covered his white Dodge Charger in gasoline, said the 1951 United Nations Convention's author."
    got = found(text, ("Dodge Charger", "ORG"), ("United Nations Convention", "ORG"))
    assert got == {("United Nations Convention", "organization"): 1}


def test_a_quotes_attribution_is_no_apposition_and_an_owners_s_is_cut():
    text = 'Use BitTorrent, the firm said. Rival chip maker Zilog\'s fastest chip runs faster.'
    assert entities.with_untagged_firms(text, []) == [(text.index("Zilog"), "Zilog", "ORG")]


def test_a_name_before_an_actors_name_in_brackets_is_a_character():
    text = "When oldest son Dalton (Ty Simpkins) falls into a coma, the club (Manchester United) and Mr Ross (John Smith) act."
    got = found(text, ("Dalton", "PERSON"), ("Ty Simpkins", "PERSON"), ("Manchester United", "ORG"),
                ("John Smith", "PERSON"))
    assert got == {("Ty Simpkins", "person"): 1, ("Manchester United", "organization"): 1, ("John Smith", "person"): 1}


def test_a_name_after_character_or_an_action_show_is_no_name():
    text = "He compared it to TV character Michael Knight in the hit action show Knight Rider."
    assert found(text, ("Michael Knight", "PERSON"), ("Knight Rider", "PERSON")) == {}


def test_a_word_for_a_kind_of_body_alone_is_no_name():
    text = ("Officials said the Court would rule, that the State was in debt and the Government agreed; "
            "the House and the Senate voted, the Fed waited, and the Supreme Court sat.")
    got = found(text, ("Court", "ORG"), ("State", "ORG"), ("Government", "ORG"), ("House", "ORG"),
                ("Senate", "ORG"), ("Fed", "ORG"), ("Supreme Court", "ORG"))
    assert got == {("House", "organization"): 1, ("Senate", "organization"): 1, ("Fed", "organization"): 1,
                   ("Supreme Court", "organization"): 1}


def test_a_nationality_noun_alone_is_no_name():
    text = "The Briton, made a dame last year, beat Dane Smith, and Briton Alex Dowsett will try in May."
    got = found(text, ("Briton", "ORG"), ("Dane Smith", "PERSON"), ("Briton Alex Dowsett", "PERSON"))
    assert got == {("Dane Smith", "person"): 1, ("Alex Dowsett", "person"): 1}


def test_a_one_word_firm_with_its_s_in_a_list_keeps_it():
    text = "Three agencies - Standard & Poor's, Moody's and Fitch - cut the rating. Tom's dog barked."
    got = found(text, ("Standard & Poor's", "ORG"), ("Moody's", "ORG"), ("Fitch", "ORG"))
    assert got == {("Standard & Poor's", "organization"): 1, ("Moody's", "organization"): 1,
                   ("Fitch", "organization"): 1}


def test_a_place_tagged_as_a_person_in_a_list_or_after_state_of_is_a_place():
    text = ("Men held at Belmarsh prison, London, and Woodhill, Milton Keynes, were freed. The people of Tamil Nadu "
            "voted; the State of Tamil Nadu is in debt. Fans asked about the state of Michael Jackson's finances. "
            "The estate of Jane Doeberry sued.")
    got = found(text, ("London", "GPE"), ("Milton Keynes", "PERSON"), ("Tamil Nadu", "PERSON"),
                ("the State of Tamil Nadu", "ORG"), ("Michael Jackson", "PERSON"), ("Jane Doeberry", "PERSON"))
    assert got == {("London", "place"): 1, ("Milton Keynes", "place"): 1, ("Tamil Nadu", "place"): 2,
                   ("Michael Jackson", "person"): 1, ("Jane Doeberry", "person"): 1}  # "estate of" is no "state of"


def test_a_ground_tagged_now_as_a_person_now_as_a_club_is_a_place():
    text = ("United beat City 2-1 in the league derby, where the manager was sent off. The coach's future at Anfield "
            "has been questioned after the defeat, and fans want him to stay at Anfield The former defender said so.")
    got = found(text, ("Anfield", "PERSON"), ("Anfield The", "ORG"))
    assert got == {("Anfield", "place"): 2}


def test_a_game_one_is_playing_or_listed_after_games_and_a_dash_is_no_name():
    text = ("Seven years ago I began playing Ultima Online, and the scope of these games - like Warcraft, EverQuest - "
            "is epic. The band is playing Wembley, and Atari made it.")
    got = found(text, ("Ultima Online", "ORG"), ("Warcraft", "ORG"), ("EverQuest", "ORG"), ("Wembley", "ORG"),
                ("Atari", "ORG"))
    assert ("Atari", "organization") in got and not any("Ultima" in n or n in ("Warcraft", "EverQuest") for n, _ in got)


def test_a_product_said_by_its_kind_or_as_a_new_thing_owned_is_no_name():
    text = ("Lilly defended its anti-depressant drug Prozac, and Sega's launch title Project Rub sold well. Ozil showed "
            "off his new Apple Watch on Thursday. Zentrex sells the Beringer and Wolf Blass brands. Shares in Apple rose "
            "in California, and Tom Smith has a new job.")
    got = found(text, ("Lilly", "ORG"), ("Prozac", "ORG"), ("Sega", "ORG"), ("Project Rub", "PERSON"),
                ("Ozil", "PERSON"), ("Apple Watch", "ORG"), ("Zentrex", "ORG"), ("Wolf Blass", "PERSON"),
                ("Apple", "ORG"), ("California", "GPE"), ("Tom Smith", "PERSON"))
    assert not {"Prozac", "Project Rub", "Apple Watch", "Wolf Blass"} & {n for n, _ in got}
    assert ("Apple", "organization") in got and ("Tom Smith", "person") in got


def test_a_cut_chart_a_directors_credit_and_a_firms_division():
    text = ("The US has merged downloads into its Billboard Hot 100 chart. She stars in a film directed by Jean-Pierre "
            "Jeunet. Fiat may move Maserati into its Alfa Romeo division; sales of Alfa Romeo rose, and Alfa Romeo "
            "made a loss.")
    got = found(text, ("US", "GPE"), ("Billboard Hot", "PERSON"), ("Jean-Pierre Jeunet", "ORG"), ("Fiat", "ORG"),
                ("Alfa Romeo", "ORG"), ("Alfa Romeo", "PERSON"), ("Alfa Romeo", "PERSON"))
    assert ("Jean-Pierre Jeunet", "person") in got and ("Alfa Romeo", "organization") in got
    assert not any(n.startswith("Billboard") for n, _ in got)


def test_an_ordinal_before_an_everyday_word_makes_an_occasion_and_a_venture_of_two_firms_is_no_person():
    text = ("Gordon Brown delivers his ninth Budget today; the first Parliament met in May. Vodafone bought "
            "Essar's stake. Essar said so, and Vodafone said more. Bankers valued Vodafone Essar at $13bn; Essar, "
            "the partner, agreed.")
    got = found(text, ("Gordon Brown", "PERSON"), ("Budget", "ORG"), ("Parliament", "ORG"), ("Vodafone", "ORG"),
                ("Essar", "ORG"), ("Essar", "ORG"), ("Vodafone", "ORG"), ("Vodafone Essar", "ORG"), ("Essar", "PERSON"))
    assert ("Parliament", "organization") in got and not any(n == "Budget" for n, _ in got)
    assert ("Vodafone Essar", "organization") in got and not any(t == "person" and "Essar" in n for n, t in got)


def test_a_games_model_letters_after_a_cut_name_make_the_mention_a_products():
    text = ("Nintendo said the DS will launch in May. Titles include Ubisoft's Rayman DS. Fans want the Nintendo DS "
            "and more. Nintendo expects sales to rise. That House GOP plan was shelved, the GOP said.")
    got = found(text, ("Nintendo", "ORG"), ("Ubisoft", "ORG"), ("Rayman", "ORG"), ("Nintendo", "ORG"),
                ("Nintendo", "ORG"), ("House", "ORG"), ("GOP", "ORG"))
    assert got.get(("Nintendo", "organization")) == 2 and ("House", "organization") in got
    assert not any(n == "Rayman" for n, _ in got)


def test_a_players_deed_after_his_name_in_a_match_report_makes_a_person():
    text = ("Arsenal beat Portsmouth 1-0 in the league. Kolo Toure headed against the bar and the striker scored late. "
            "The goalkeeper saved twice, and Red Sox scored in the draw for the match.")
    got = found(text, ("Arsenal", "ORG"), ("Portsmouth", "ORG"), ("Kolo Toure", "ORG"), ("Red Sox", "ORG"))
    assert ("Kolo Toure", "person") in got and ("Red Sox", "organization") in got


def test_programmes_and_shows_constituencies_and_names_cut_at_a_particle():
    text = ("An analyst told the BBC's World Business Report so. He is MP for Leicester South, and Derby North voted "
            "too. She wore a Dries van Noten sandal; Fondation pour l'Enfance helped. Star Kanye West sang.")
    got = found(text, ("BBC", "ORG"), ("World Business Report", "ORG"), ("Leicester South", "PERSON"),
                ("Derby North", "ORG"), ("Dries", "ORG"), ("Fondation", "ORG"), ("Kanye West", "PERSON"))
    assert ("Leicester South", "place") in got and ("Derby North", "place") in got
    assert ("Dries van Noten", "organization") in got and not any(n == "Fondation" for n, _ in got)
    assert ("Kanye West", "person") in got and not any("Report" in n for n, _ in got)


def test_a_firm_said_as_a_giant_is_kept_and_a_party_run_into_a_person_is_cut():
    text = ("Brewing giant Inbev agreed a deal. The deal gives Inbev control. Problems at oil giant Yukos grew. For "
            "the Lib Dems David Laws said the Lib Dems would cut taxes. Literary giant Salman Rushdie spoke.")
    got = found(text, ("Inbev", "ORG"), ("Inbev", "NORP"), ("Yukos", "PERSON"), ("the Lib Dems David Laws", "ORG"),
                ("Lib Dems", "ORG"), ("Salman Rushdie", "PERSON"))
    assert ("Inbev", "organization") in got and ("Yukos", "organization") in got
    assert ("David Laws", "person") in got and ("Salman Rushdie", "person") in got
    assert not any("Laws" in n and t == "organization" for n, t in got)


def test_a_title_before_its_authors_name_is_no_name():
    text = "Harry Potter author JK Rowling will receive an award, and Harry Smith, an author, will not."
    got = found(text, ("Harry Potter", "PERSON"), ("JK Rowling", "PERSON"), ("Harry Smith", "PERSON"))
    assert got == {("JK Rowling", "person"): 1, ("Harry Smith", "person"): 1}


def test_a_party_tagged_as_a_place_is_an_organisation():
    text = "He was a key figure in New Labour as head of the policy unit in London."
    got = found(text, ("New Labour", "GPE"), ("London", "GPE"))
    assert got == {("New Labour", "organization"): 1, ("London", "place"): 1}


def test_a_name_tagged_as_a_work_of_art_as_often_as_otherwise_is_a_title():
    pairs_ = [("Rebel Billionaire", "WORK_OF_ART"), ("Rebel Billionaire", "ORG"), ("Rebel Billionaire", "WORK_OF_ART"),
              ("Fox", "ORG"), ("Fox", "ORG")]
    assert pairs(*pairs_) == {("Fox", "organization"): 2}


def test_a_share_index_said_to_move_points_is_no_body():
    text = ("The report propelled the Dow to a high. The Dow closed up 57 points. The Fed cut rates by 25 basis points, "
            "and the Fed will meet again.")
    got = found(text, ("Dow", "ORG"), ("Dow", "ORG"), ("Fed", "ORG"), ("Fed", "ORG"))
    assert got == {("Fed", "organization"): 2}


def test_a_tv_character_is_no_person_in_a_match_report_too():
    text = ("Arsenal beat Chelsea 2-1 in the league match; the striker scored and the goalkeeper saved. Ozil compared his "
            "watch to TV character Michael Knight before the derby, and Jack Wilshere scored.")
    got = found(text, ("Arsenal", "ORG"), ("Chelsea", "ORG"), ("Ozil", "PERSON"), ("Michael Knight", "PERSON"),
                ("Jack Wilshere", "PERSON"))
    assert ("Jack Wilshere", "person") in got and not any(n == "Michael Knight" for n, _ in got)


def test_a_product_one_has_before_its_noun_is_no_name():
    text = "Shares in Google fell over changes to its Android operating system, and in Finland Nokia said her Nokia phone broke."
    got = found(text, ("Google", "ORG"), ("Android", "ORG"), ("Finland", "GPE"), ("Nokia", "ORG"), ("Nokia", "ORG"))
    assert got == {("Google", "organization"): 1, ("Finland", "place"): 1, ("Nokia", "organization"): 1}


def test_two_plain_words_tagged_as_a_person_name_nobody():
    text = "Fans of Creative Zen players and Led Zeppelin records met Tiger Woods and Sale Sharks fans."
    got = found(text, ("Creative Zen", "PERSON"), ("Led Zeppelin", "PERSON"), ("Tiger Woods", "PERSON"),
                ("Sale Sharks", "PERSON"))
    assert ("Tiger Woods", "person") in got and ("Sale Sharks", "organization") in got
    assert not any(n in ("Creative Zen", "Led Zeppelin") for n, _ in got)


def test_a_constituency_said_as_a_seat_is_a_place():
    text = ("He entered Parliament for Sheffield Brightside in 1987, after contesting the Sheffield Hallam seat. She is "
            "the candidate for U.S. Senate.")
    got = found(text, ("Sheffield Brightside", "ORG"), ("Sheffield Hallam", "ORG"), ("U.S. Senate", "ORG"))
    assert got == {("Sheffield Brightside", "place"): 1, ("Sheffield Hallam", "place"): 1,
                   ("U.S. Senate", "organization"): 1}


def test_a_verb_of_speech_opening_a_sentence_is_no_given_name():
    text = "John Mayberry hit a single. Said Mayberry: we won. Said Jones was born in Cairo."
    got = found(text, ("John Mayberry", "PERSON"), ("Said Mayberry", "PERSON"), ("Said Jones", "PERSON"),
                ("Cairo", "GPE"))
    assert got.get(("John Mayberry", "person")) == 2 and ("Said Mayberry", "person") not in got


def test_a_players_deed_from_his_name_in_a_match_report_makes_a_person():
    text = ("Hull lost 2-1 in the league match: the striker scored a penalty and a late strike from Graziano Pelle meant "
            "they left with nothing. The goalkeeper saved twice, and fans were in from Manchester United.")
    got = found(text, ("Hull", "ORG"), ("Graziano Pelle", "ORG"), ("Manchester United", "ORG"))
    assert ("Graziano Pelle", "person") in got and ("Manchester United", "organization") in got


def test_review_mends_of_the_product_author_speech_and_player_rules():
    # "creator" before a name says no book: the firm stays
    assert ("Facebook", "organization") in found(
        "Facebook creator Mark Zuckerberg spoke. Facebook grew. Facebook said so.",
        ("Facebook", "ORG"), ("Mark Zuckerberg", "PERSON"), ("Facebook", "ORG"), ("Facebook", "ORG"))
    # "Said" opens a sentence as a verb only before a colon: "Said Jalili, ..." is a name
    jalili = found("He spoke. Said Jalili, Iran's chief negotiator, was firm. Said Jalili left.",
                   ("Said Jalili", "PERSON"), ("Iran", "GPE"), ("Said Jalili", "PERSON"))
    assert ("Said Jalili", "person") in jalili
    # a product's model after the maker drops that mention only: the maker's own mentions stay
    text = "He bought the Nintendo DS and the Sony PSP. Nintendo said the DS sold well, and Nintendo shares rose."
    assert found(text, ("Nintendo", "ORG"), ("Sony", "ORG"), ("Nintendo", "ORG"), ("Nintendo", "ORG"))[
        ("Nintendo", "organization")] == 2
    # a model code counts as whole words: "DS" inside "DSL" is none
    dsl = "Fans queued for the Nintendo DS at the shop. Prices of DSL broadband fell."
    assert entities.mention_at(dsl, dsl.index("Nintendo"), "Nintendo", "ORG").code == ""


def test_traded_funds_market_indexes_and_their_tickers_are_no_organisations():
    text = ("The chart of the Energy Select Spyder shows gains, and the Spyder Trust (SPY) rose. Support for SPY is at "
            "$131. The ISM Non-Manufacturing Index is due, as the Dow Industrials did well. Soitec (SOI) said SOI grew.")
    got = found(text, ("Energy Select Spyder", "ORG"), ("Spyder Trust", "ORG"), ("SPY", "ORG"), ("SPY", "ORG"),
                ("ISM Non-Manufacturing Index", "ORG"), ("Dow Industrials", "ORG"), ("Soitec", "ORG"))
    assert got == {("Soitec", "organization"): 1}


def test_a_town_in_brackets_after_a_player_of_a_team_list_is_his_club():
    text = ("England named their squad.\n\nNathan Holland (Everton), Trent Arnold (Liverpool), Herbie Kane (Liverpool), "
            "Daniel Wright (Sunderland).\n\nThey fly to Italy.")
    got = found(text, ("Nathan Holland", "PERSON"), ("Everton", "ORG"), ("Trent Arnold", "PERSON"), ("Liverpool", "GPE"),
                ("Herbie Kane", "PERSON"), ("Liverpool", "ORG"), ("Daniel Wright", "PERSON"), ("Sunderland", "GPE"),
                ("Italy", "GPE"))
    assert got[("Liverpool", "organization")] == 2 and ("Sunderland", "organization") in got
    assert ("Italy", "place") in got


def test_an_actors_credit_or_a_speakers_job_makes_a_person_of_an_organisations_tag():
    text = ('The hacker was originally played by Noomi Rapace. "It is cheap," said KK Mittal, a fund manager with '
            "Escorts. Shares rose, said Goldman Sachs, the bank.")
    got = found(text, ("Noomi Rapace", "ORG"), ("KK Mittal", "ORG"), ("Escorts", "ORG"), ("Goldman Sachs", "ORG"))
    assert ("Noomi Rapace", "person") in got and ("KK Mittal", "person") in got
    assert ("Goldman Sachs", "organization") in got


def test_a_captains_mark_does_not_break_a_team_list():
    text = ("The sides were named.\n\nL Dallaglio (England), B Cohen (England), P de Villiers (France), "
            "B O'Driscoll (Ireland, capt), P O'Connell (Ireland).\n\nThe match is on Sunday.")
    got = found(text, ("L Dallaglio", "PERSON"), ("England", "GPE"), ("B Cohen", "PERSON"), ("England", "GPE"),
                ("P de Villiers", "ORG"), ("France", "GPE"), ("B O'Driscoll", "PERSON"), ("Ireland", "GPE"),
                ("P O'Connell", "PERSON"), ("Ireland", "GPE"))
    assert ("P de Villiers", "person") in got and ("France", "place") in got


def test_a_ground_said_once_after_a_match_and_at_is_a_place():
    text = ("City lost to United in the derby at Old Trafford on Sunday. The striker scored twice and the goalkeeper saved "
            "a penalty in the league match, but City were beaten 4-2. He spent a season at Arsenal.")
    got = found(text, ("City", "ORG"), ("United", "ORG"), ("Old Trafford", "ORG"), ("City", "ORG"), ("Arsenal", "ORG"))
    assert ("Old Trafford", "place") in got and ("Arsenal", "organization") in got


def test_a_towns_result_or_its_players_say_its_team_in_a_match_report():
    text = ("Al Horford scored to lift Atlanta over Boston, 88-83, in the NBA league match. The coach said the playoffs "
            "start soon, with rebounds and assists the key. "
            "Paul Pierce led Boston with 25 points. Houston’s Kevin Martin scored nine and the Rockets won the game. "
            "The team flew into Denver.")
    got = found(text, ("Al Horford", "PERSON"), ("Atlanta", "GPE"), ("Boston", "GPE"), ("Paul Pierce", "PERSON"),
                ("Boston", "GPE"), ("Houston", "GPE"), ("Kevin Martin", "PERSON"), ("Denver", "GPE"))
    assert got[("Boston", "organization")] == 2 and ("Atlanta", "organization") in got
    assert ("Houston", "place") not in got and ("Denver", "place") in got  # one mention opening a sentence: doubtful


def test_shares_in_a_countrys_firm_make_no_firm_of_the_country_and_a_bands_town_is_a_place():
    text = ("Shares in India's largest power producer rose, and power needs in India are set to grow. The Leeds group "
            "Kaiser Chiefs came fifth.")
    got = found(text, ("India", "GPE"), ("India", "GPE"), ("Leeds", "ORG"), ("Kaiser Chiefs", "ORG"))
    assert got[("India", "place")] == 2 and ("India", "organization") not in got
    assert ("Leeds", "organization") not in got and ("Kaiser Chiefs", "organization") in got


def test_a_us_states_postal_code_after_a_town_is_no_name():
    text = "A new exhibit at the library in Yorba Linda, CA, offers a look at the scandal. GE, the firm, said so."
    got = found(text, ("Yorba Linda", "GPE"), ("CA", "ORG"), ("GE", "ORG"))
    assert ("CA", "organization") not in got and ("Yorba Linda", "place") in got and ("GE", "organization") in got


def test_a_way_ends_a_streets_name_not_a_persons():
    text = "The home on Mugga Way, Red Hill, was sold. Gerard Way sang."
    got = found(text, ("Mugga Way", "PERSON"), ("Red Hill", "GPE"), ("Gerard Way", "PERSON"))
    assert ("Mugga Way", "place") in got and ("Gerard Way", "person") in got


def test_a_town_tagged_as_a_person_after_the_city_of_is_a_place():
    text = "Gunmen opened fire in the border city of Ciudad Juárez, killing two. The mayor of Paris Hilton said no."
    got = found(text, ("Ciudad Juárez", "PERSON"))
    assert got == {("Ciudad Juárez", "place"): 1}


def test_an_everyday_word_said_to_be_a_named_persons_is_no_name():
    text = "Mr Balls said Mr Brown's Budget would be prudent. There will be no Budget giveaway. Britain's Parliament sat."
    got = found(text, ("Budget", "ORG"), ("Budget", "ORG"), ("Parliament", "ORG"))
    assert ("Budget", "organization") not in got and ("Parliament", "organization") in got


def test_a_statue_tower_or_castle_of_something_is_a_place():
    got = pairs(("Statue of Liberty", "ORG"), ("Tower of London", "ORG"), ("Bank of England", "ORG"))
    assert got == {("Statue of Liberty", "place"): 1, ("Tower of London", "place"): 1, ("Bank of England", "organization"): 1}


def test_a_place_before_a_firms_noun_and_the_firms_name_is_where_it_is_from():
    # "Shares in UK banking group Barclays": the firm is Barclays; the UK stays a place
    text = "Shares in UK banking group Barclays have risen. UK banking icon Barclays was founded 300 years ago."
    assert found(text, ("UK", "GPE"), ("Barclays", "ORG"), ("UK", "GPE"), ("Barclays", "ORG")) == {
        ("UK", "place"): 2, ("Barclays", "organization"): 2}
    # "shares in" before a firm's name alone still says a firm
    assert found("Shares in Jarvis were up. Jarvis said so.", ("Jarvis", "PERSON"), ("Jarvis", "PERSON")) == {
        ("Jarvis", "organization"): 2}


def test_a_group_of_nations_named_by_a_number_is_an_organisation():
    text = "G7 finance ministers met in London. The G7 said debt relief would come. The G7 group agreed."
    assert found(text, ("G7", "PRODUCT"), ("G7", "GPE"), ("G7", "ORG")) == {("G7", "organization"): 3}
    # "G4" of a processor is none
    chip = "Inside that small box there is a G4 processor and a hard drive. The G4 runs fast."
    assert ("G4", "organization") not in found(chip, ("G4", "PRODUCT"), ("G4", "PRODUCT"))
