from annotext.core.document import Document, guess_title, normalise_newlines, paragraphs, text_sha256


def test_newlines_normalised_and_nothing_else():
    assert normalise_newlines("a\r\nb\rc\n d  ") == "a\nb\nc\n d  "


def test_paragraph_ranges_skip_blank_lines():
    text = "Title\n\nFirst para.\n   \nSecond."
    assert [text[s:e] for s, e in paragraphs(text)] == ["Title", "First para.", "Second."]


def test_title_is_first_non_empty_line():
    assert guess_title("\n\n  Headline here \nbody", "x") == "Headline here"
    assert guess_title("", "fallback") == "fallback"
    assert guess_title("x" * 500, "fallback") == "fallback"


def test_hash_follows_text():
    assert Document("t", "abc").sha256 == text_sha256("abc") != text_sha256("abd")
    assert text_sha256("\ud800 lone surrogate")  # never raises


def test_pasted_text_keeps_paragraphs_not_runs_of_blank_lines():
    from annotext.core.document import collapse_blank_lines

    assert collapse_blank_lines("Title\n\n\n  \nOne.  \nTwo.\n\n\nThree.\n") == "Title\nOne.\nTwo.\nThree."
    assert collapse_blank_lines("No blank lines\nat all") == "No blank lines\nat all"
