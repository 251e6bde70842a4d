from summarizer.stages.clean import clean, normalize, parse_dateline


def test_leading_date_marker_is_metadata_and_text_after_it_is_kept(seeds_text):
    c = clean(seeds_text["000_b4982efe790b2787"])
    assert c.date == "2025-02-17"
    assert c.text.startswith("Belarus and Azerbaijan are actively promoting")
    assert "date 2025" not in c.text


def test_dateline_and_lone_author_line(seeds_text):
    c = clean(seeds_text["001_fffbc82ed73a2448"])
    assert c.date == "2024-10-04"
    assert c.byline == "Akbar Novruz"
    assert "UTC" not in c.text and "Akbar Novruz" not in c.text
    assert c.text.startswith("On October 3, Prime Minister Ali Asadov")


def test_agency_credit_is_removed_from_the_sentence(seeds_text):
    c = clean(seeds_text["001_fffbc82ed73a2448"])
    assert "Azernews reports" not in c.text
    assert "dynamic development across various sectors." in c.text


def test_repeated_title_furniture_and_foreign_script(seeds_text):
    c = clean(seeds_text["002_054e370de41a992f"])
    assert c.title == "The results of the visit of the President of Belarus to Azerbaijan"
    assert c.title not in c.text
    for junk in ("Leave a review", "Follow us on social networks", "News Line", "программе"):
        assert junk not in c.text
    assert any("another script" in w for w in c.warnings)
    assert c.text.rstrip().endswith("small and medium-sized businesses in Azerbaijan.")


def test_headline_without_full_stop_becomes_title(seeds_text):
    c = clean(seeds_text["003_b4c2eebf0aac3183"])
    assert c.title and c.title.startswith("Prime Minister of the Republic of Azerbaijan Ali Asadov met")
    assert c.text.startswith("Prime Minister Asadov congratulated Turchin")


def test_bylines_person_preferred_over_agency(seeds_text):
    c = clean(seeds_text["004_4ed487a7f4aa41b7"])
    assert c.date == "2021-04-14"
    assert c.byline == "Aisha Jabbarova"
    assert "By " not in c.text[:20]
    assert c.text.startswith("President Ilham Aliyev has said")


def test_cut_off_article_drops_the_fragment():
    text = "A full first sentence is here. The second sentence is complete too.\n\nThe third one ends in the middle of an"
    c = clean(text)
    assert c.text.endswith("The second sentence is complete too.")
    assert "middle of an" not in c.text
    assert any("cut off" in w for w in c.warnings)


def test_cut_off_last_paragraph_with_one_fragment_only():
    text = "A full first sentence is here and it is long enough.\n\nthen a paragraph that never ends because the feed was cut"
    c = clean(text)
    assert c.text == "A full first sentence is here and it is long enough."


def test_given_title_line_is_removed_from_text():
    c = clean("Big storm hits coast\n\nA big storm hit the coast on Monday, officials said.", title="Big storm hits coast")
    assert c.title == "Big storm hits coast"
    assert c.text == "A big storm hit the coast on Monday, officials said."


def test_wire_dateline_removed():
    c = clean("LONDON (Reuters) - Shares rose sharply on Monday after the central bank cut rates.")
    assert c.text == "Shares rose sharply on Monday after the central bank cut rates."


def test_parse_dateline_variants():
    assert parse_dateline("4 October 2024 11:44 (UTC+04:00)") == "2024-10-04"
    assert parse_dateline("October 4, 2024") == "2024-10-04"
    assert parse_dateline("2021-04-14") == "2021-04-14"
    assert parse_dateline("Mon, 3 Feb 2025 08:00 GMT") == "2025-02-03"
    assert parse_dateline("On October 3, Prime Minister Ali Asadov met") is None


def test_normalize_removes_control_and_zero_width():
    assert normalize("a\u200bb\x00c\r\nd\u00a0 e") == "ab c\nd e"


def test_clean_keeps_story_untouched_when_there_is_no_boilerplate():
    story = "The council approved the budget on Tuesday. It takes effect in March."
    assert clean(story).text == story


def test_agency_tag_and_inline_scroll_furniture():
    c = clean("(CNN)One of the biggest TV events is back. It airs in May. Scroll down for video A mother said so.")
    assert c.text == "One of the biggest TV events is back. It airs in May. A mother said so."


def test_text_without_any_punctuation_is_kept_with_a_warning():
    text = "council river plans " * 50
    c = clean(text)
    assert c.text == text.strip()
    assert any("no sentence-ending punctuation" in w for w in c.warnings)


def test_a_byline_run_into_the_story_is_metadata():
    c = clean("By Jane Ruth Marsh of Planet magazine Glaciers shrank faster than ever this year, scientists said on "
              "Friday. The result surprised them.")
    assert c.text == "Glaciers shrank faster than ever this year, scientists said on Friday. The result surprised them."
    assert c.byline == "Jane Ruth Marsh"
    c = clean("Shares rose and the index gained 56 points. By Tom Reed and Ann Park, Markets.com Stocks ended off the "
              "highs of the day. Oil rose.")
    assert c.text == "Shares rose and the index gained 56 points. Stocks ended off the highs of the day. Oil rose."
    for story in ("Unemployment surged. By Election Day 1984, the rate had sunk to 7.2 percent. The mayor won.",
                  "By train and bus the visitors came to the city on Monday. They stayed a week.",
                  "By Monday, Police Chief Ann Lee said the case was closed. Nobody was charged."):
        assert clean(story).text == story


def test_a_wire_dateline_after_a_headline_or_byline_starts_the_story():
    c = clean("By Tom Reed DUBLIN/LISBON, April 1 (Wirenews) - A rating agency cut its grade for two banks. More follows.")
    assert c.text == "A rating agency cut its grade for two banks. More follows."
    c = clean("Study says screening pays off MONDAY, May 2 (Health Wire) - The rate of new cases has dropped. It is good.")
    assert c.text == "The rate of new cases has dropped. It is good."
    c = clean("SPRINGFIELD — The drug company cut the price of its pill on Friday. It had been sued.")
    assert c.text == "The drug company cut the price of its pill on Friday. It had been sued."


def test_a_capitals_dateline_after_a_subheading_starts_the_story():
    c = clean("Most farms in the valley still lack water pumps NAIROBI — More than a thousand farms lost their crops "
              "this year, a charity said on Friday. It asked for help.")
    assert c.text == "More than a thousand farms lost their crops this year, a charity said on Friday. It asked for help."
    for story in ("The alliance said NATO — The old name — would stay. Nobody objected.",
                  "Ministers met in the capital. The deal, said the UN — which brokered it — was final."):
        assert clean(story).text == story


def test_a_photo_caption_and_its_credit_before_the_dateline_are_not_the_story():
    c = clean("Singer Ann Lee kisses her groom after their wedding in Lima, Peru, Thursday March 31, 2011. "
              "(AP Photo/Jo Smith) LIMA, Peru (AP) - Singer Ann Lee married her groom on Thursday. Fans cheered.")
    assert c.text == "Singer Ann Lee married her groom on Thursday. Fans cheered."
    c = clean("Franco poses with student Ann Bowden. (Keith Lane) Ten years ago, Franco played a heartthrob. He smiled.")
    assert c.text == "Ten years ago, Franco played a heartthrob. He smiled."
    # A credit after two sentences closes a picture inside the story: those sentences are its lead.
    story = ("Two designers come to town this weekend. Trina Turk is set to appear on Saturday. (Photo by Mo Buck/Getty "
             "Images) Newcomer Al Berardi is in town too.")
    assert clean(story).text == story


def test_desk_notes_agency_tags_and_datelines_of_every_shape_are_taken_off():
    for text in ("(Updates with the rate in second paragraph.) April 1 (Bloomberg) - The jobless rate fell in March. It was 8.8%.",
                 "(CBS/AP) VIENNA - The jobless rate fell in March. It was 8.8%.",
                 "LOS ANGELES (AP) The jobless rate fell in March. It was 8.8%.",
                 "AUBURN HILLS, Mich. (AP) The jobless rate fell in March. It was 8.8%.",
                 "Tripoli (ANTARA News/AFP) - The jobless rate fell in March. It was 8.8%.",
                 "Rate falls to two-year low (AP) WASHINGTON - The jobless rate fell in March. It was 8.8%.",
                 "Officials say the rate fell to 8.8 percent. WASHINGTON - The jobless rate fell in March. It was 8.8%.",
                 "CONCORD, N.H. - The jobless rate fell in March. It was 8.8%.",
                 "WASHINGTON • The jobless rate fell in March. It was 8.8%."):
        assert clean(text).text == "The jobless rate fell in March. It was 8.8%.", text
    for story in ("Vodafone (VOD) Chief Executive Vittorio Colao said sales rose. They did.",
                  "An ordinary man (Rainn Wilson) turns into a hero. The film is fun.",
                  "The talks ended. NATO - The alliance - said nothing more. Nobody asked."):
        assert clean(story).text == story


def test_a_full_stop_lost_between_two_sentences_is_put_back():
    c = clean("He wants to look tough before the general election And they believe the plan will fail. It did.")
    assert c.text == "He wants to look tough before the general election. And they believe the plan will fail. It did."
    for story in ("The band played Love And Theft on Friday night. Fans sang.",
                  "The talks went on and I think they failed. She agreed.",
                  "It was one of the And they said so mistakes. Odd.",
                  "Officials, He said, were told. The end came."):
        assert clean(story).text == story


def test_a_photo_caption_or_gallery_link_inside_the_story_is_taken_out():
    c = clean("The Hawks won again on Friday. Fingertip control: Ann Lee puts up a shot in the first half. The Heat "
              "beat the Wolves 111-92. AP PHOTO Al Horford capped his night with a tip-in. Atlanta led all game.")
    assert c.text == "The Hawks won again on Friday. Al Horford capped his night with a tip-in. Atlanta led all game."
    c = clean("Shields takes over in June. Pictures: Stars on stage The musical is in its second year. It runs on.")
    assert c.text == "Shields takes over in June. The musical is in its second year. It runs on."
    c = clean("The bras look feminine and fit well. Pictures: Joel Anderson. Model: Nina Hart.")
    assert c.text == "The bras look feminine and fit well. Pictures: Joel Anderson. Model: Nina Hart."
    c = clean("If Apple sold a million phones, it does not show in the data Click to enlarge. The share rose.")
    assert c.text == "If Apple sold a million phones, it does not show in the data. The share rose."
    c = clean("The share rose in May. Data: ComScore If you look closely, the line goes up. It is small.")
    assert c.text == "The share rose in May. If you look closely, the line goes up. It is small."
    story = "Terms were not given. Source: Denver Post research States' standing, in lines, is shown."
    assert clean(story).text == story
    c = clean("Banks such as Goldman Sachs (GS.N: Quote, Profile, Research, Stock Buzz) and Citi (C.N: Quote, Profile, "
              "Research) led. They rose.")
    assert c.text == "Banks such as Goldman Sachs and Citi led. They rose."
    c = clean("Ron Lamkey / Getty Images Hate the new tax? The party has a plan. Talks ended on Monday. Jane "
              "Doe/AFP/Getty Images The talks resume in May.")
    assert c.text == "Hate the new tax? The party has a plan. Talks ended on Monday. The talks resume in May."
    story = "Shares rose 5%. Mark Wilson / Reuters said the deal was off. The AC/DC concert was loud."
    assert clean(story).text == story  # a slash and an agency before lower-case words: no credit


def test_a_headline_repeated_before_a_dateline_in_ordinary_case_is_not_the_story():
    text = ("MAYOR SEEKS SECOND TERM IN CITY VOTE\n"
            "    Mayor seeks second term in city vote Lima, Peru - The mayor of Lima said on Monday that he would\n"
            "stand again. His rivals have not yet named a candidate.\n")
    cleaned = clean(text)
    assert cleaned.title == "MAYOR SEEKS SECOND TERM IN CITY VOTE"
    assert cleaned.text.startswith("The mayor of Lima said on Monday")
    # A US town with its state, by name or by the AP's abbreviation.
    assert clean("Lansing, Mich. - Police arrested two men on Friday. They were charged.").text.startswith("Police")
    assert clean("Austin, Texas — The state voted on Tuesday. It was close.").text.startswith("The state voted")


def test_words_that_only_look_like_a_dateline_or_a_title_stay():
    # Two names before a dash, neither a place: a sentence, not a dateline.
    assert clean("Jordan, Smith - The firm said it would appeal. It did.").text.startswith("Jordan, Smith - The firm")
    # A lead that merely opens with the title's words, going on in lower case, is kept whole.
    kept = clean("Council votes today\n\nCouncil votes today on the budget for next year. It will pass.")
    assert kept.text.startswith("Council votes today on the budget")


def test_a_company_an_acronym_or_a_link_before_the_lead_is_not_taken_for_wire_furniture():
    # A firm's name in capitals with its ticker is no "PLACE (AGENCY)" dateline; a place is.
    assert clean("IBM (IBM) Chief Executive Sam Palmisano said sales rose. Shares fell.").text.startswith("IBM (IBM)")
    assert clean("MIAMI (AP) Terry Collins saw good signs. The Mets lost.").text.startswith("Terry Collins")
    # A link in brackets after the first sentence is no photographer's credit: the lead stays.
    text = "Apple unveiled a new iPhone on Tuesday. (Watch Video) The phone goes on sale in June."
    assert clean(text).text.startswith("Apple unveiled a new iPhone")
    # A gallery link's name is short: a sentence after "Video:" is the story's.
    text = "He was arrested. Video: Police said the man was arrested on Monday evening after a chase."
    assert "Police said the man was arrested on Monday evening" in clean(text).text
