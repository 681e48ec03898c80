"""'The memo said': a document's words are its author's, when the article names the author."""

from annotext.analysis.document_authors import document_author


def _author(text: str, noun: str) -> str | None:
    return document_author(noun, text.rindex(f"The {noun}"), text)


def test_a_by_phrase_after_the_document_names_its_author_but_not_who_saw_it():
    memo = ("Counsel read from a memo written by an Aegean Homes finance manager in January 2019. "
            "The memo said the lands were worth “six times” more.")
    assert _author(memo, "memo") == "an Aegean Homes finance manager"
    review = ("An internal review seen by this newspaper, written by the group’s digital services team in 2024, "
              "warned of old servers. The review said the server was “beyond its supported life”.")
    assert _author(review, "review") == "the group’s digital services team"
    report = ("A report by historians at Trinity College Dublin, commissioned by the museum, found looting. "
              "The report described it as “unambiguous”.")
    assert _author(report, "report") == "historians at Trinity College Dublin"


def test_in_a_statement_x_said_and_a_columnist_author_their_documents():
    statement = ("In a witness statement read to the court, Mr Pryce-Okonedo said he had spoken to eleven people.\n\n"
                 "‘I did not write that article lightly,’ The statement says.")
    assert _author(statement, "statement") == "Pryce-Okonedo"
    column = ("She is suing the Sunday Ledger and its columnist Gavin Pryce-Okonedo for libel.\n\n"
              "The column claimed that staff had been ‘reduced to tears’.")
    assert _author(column, "column") == "Gavin Pryce-Okonedo"


def test_a_document_without_an_author_or_seen_only_by_someone_has_none():
    assert _author("A report seen by this newspaper was leaked. The report said it was “grim”.", "report") is None
    assert _author("The council published its plan. The plan said “soon”.", "plan") is None
    assert _author("The report said it was “grim”.", "report") is None


def test_the_author_phrase_ends_before_the_verb():
    text = ("A report by the council’s planning department concludes that the scheme is sound. "
            "The report said it would add “400 homes”.")
    assert _author(text, "report") == "the council’s planning department"


def test_in_a_statement_the_organisation_said():
    text = ("In a statement, the Kansas Chamber said the bill would help employers.\n\n"
            "‘Kansas is losing workers,’ The statement said.")
    assert _author(text, "statement") == "Kansas Chamber"


def test_another_document_of_the_same_kind_has_its_own_author_or_none():
    text = ("A memo written by Sanders on Monday asked for money. Later, Clinton's campaign sent out a memo "
            "of its own. The memo said the race was close.")
    assert _author(text, "memo") is None


def test_a_statement_from_a_named_sender_and_one_a_subject_issued():
    text = ("The campaign sent reporters a statement from its national press secretary, Brianna Castellanos-Reyes. "
            "The mayor did not attend the hearing but issued a statement afterward. The statement said no.")
    first = text.index("The mayor")
    assert document_author("statement", first, text) == "Brianna Castellanos-Reyes"
    assert document_author("statement", text.index("The statement said"), text) == "The mayor"


def test_an_email_from_a_person_is_their_words(analyser):
    text = ("Ruling\n\nThe judges said executives knew. One 2017 email from Sven-Erik Lundqvist, then the company’s head "
            "of product, described rivals as ‘the enemy at the gates’.")
    data = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in data["quotes"]] == ["Sven-Erik Lundqvist"]


def test_a_named_owner_s_document_is_the_owner_s_words(analyser):
    text = ("Review\n\nThe review was led by Ruth Dunne. Midwife Chidinma Eze raised the alarm in May. Eze’s letter "
            "warned that the unit was “unsafe at night”.")
    data = analyser.analyse(text).to_json(text)
    assert [q["speaker"] for q in data["quotes"]] == ["Chidinma Eze"]


def test_in_a_letter_the_writer_may_come_after_a_date_and_an_apposition():
    text = ("In a letter to Lindqvist dated Feb. 9, the company's outside counsel, Miriam Szabo-Hartley of the law firm "
            "Goodwin Marsh, wrote that a hearing would serve no purpose. The letter said the chief was ready to talk.")
    assert _author(text, "letter") == "Miriam Szabo-Hartley"


def test_the_author_after_by_stops_before_an_irregular_verb():
    text = ("A 64-page report released last month by the state inspector general's office found that the agency "
            "ignored warnings. The report said managers knew.")
    assert _author(text, "report") == "the state inspector general's office"


def test_a_named_spokesperson_in_apposition_made_the_statement():
    text = ("The Kenya Wildlife Service welcomed the verdict. Its spokesperson, Wanjiku Kamau-Otieno, said in a "
            "statement that the case took months. The statement said the rangers were heroes.")
    assert _author(text, "statement") == "Wanjiku Kamau-Otieno"


def test_a_writer_described_then_named_is_the_named_person_and_a_named_issuer_may_have_a_clause():
    letter = ("Sen. Chen read aloud from a letter written by a doctor in Darfur, Dr. Amira bin Saleh, describing clinics "
              "without antibiotics. The letter said children were dying.")
    assert _author(letter, "letter") == "Amira bin Saleh"
    statement = ("Whitcomb, who attended the meeting but did not speak, released a statement after the vote. "
                 "The statement said the city had chosen well.")
    assert _author(statement, "statement") == "Whitcomb"
