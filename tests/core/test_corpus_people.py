from annotext.core.corpus_people import MERGE, SPLIT, CorpusPersonEdit, group_names


def test_surname_alias_and_full_name_are_one_entry():
    names = {"Vladimir Putin": (["Putin", "President Putin"], 9), "Putin": ([], 3), "Xi Jinping": (["Xi"], 5)}
    entry = group_names(names)
    assert entry["Putin"] == entry["Vladimir Putin"] == "Vladimir Putin"
    assert entry["Xi Jinping"] == "Xi Jinping"


def test_ambiguous_surname_stays_alone():
    names = {"John Smith": ([], 2), "Jane Smith": ([], 2), "Smith": ([], 4)}
    entry = group_names(names)
    assert entry["Smith"] == "Smith"
    assert entry["John Smith"] != entry["Jane Smith"]


def test_case_differences_are_the_same_name():
    entry = group_names({"Lena Brandt": ([], 1), "lena brandt": ([], 1)})
    assert entry["lena brandt"] == entry["Lena Brandt"]


def test_analyst_merge_and_split_apply_in_order():
    names = {"Vladimir Putin": (["Putin"], 9), "Putin": ([], 3), "Dmitry Peskov": ([], 2)}
    merged = group_names(names, [CorpusPersonEdit(MERGE, "Dmitry Peskov", "Putin")])
    assert merged["Dmitry Peskov"] == "Vladimir Putin"
    split = group_names(names, [CorpusPersonEdit(SPLIT, "Putin")])
    assert split["Putin"] == "Putin" and split["Vladimir Putin"] == "Vladimir Putin"
    split_label = group_names(names, [CorpusPersonEdit(SPLIT, "Vladimir Putin")])
    assert split_label["Vladimir Putin"] == "Vladimir Putin" and split_label["Putin"] == "Putin"
