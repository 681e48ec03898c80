"""The speakers an analysis gives, in quotation order: the one shape the speaker tests compare."""


def all_speakers(analyser, text):
    """Every quotation's speaker, scare quotes included (None for them)."""
    return [q["speaker"] for q in analyser.analyse(text).to_json(text)["quotes"]]


def speech_speakers(analyser, text):
    """The speakers of the quotations of kind "speech" only."""
    return [q["speaker"] for q in analyser.analyse(text).to_json(text)["quotes"] if q["kind"] == "speech"]
