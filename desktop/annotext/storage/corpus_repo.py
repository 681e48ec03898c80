"""Corpus questions as SQL over the summary tables: who is mentioned and quoted, when, by source,
and every passage of a code. Only reads, except the cross-document name grouping it keeps current.
"""

from __future__ import annotations

import json

from annotext.core.attributes import DATE, SOURCE
from annotext.core.corpus import (DAY, MONTH, ORGANISATION, OTHER, PERSON, WEEK, CodedPassage, CorpusFilter,
                                  CorpusPerson, CorpusQuote, TagBySource, TimePoint, with_shares)
from annotext.core.corpus_people import CorpusPersonEdit, group_names
from annotext.storage.repository import utc_now

CONTEXT = 120  # characters of text shown before and after a quotation
_KIND_RANK = f"min(case dp.kind when '{PERSON}' then 0 when '{ORGANISATION}' then 1 else 2 end)"
_KINDS = (PERSON, ORGANISATION, OTHER)
_PERIOD = {DAY: "dd.value", WEEK: "date(dd.value, '-6 days', 'weekday 1')", MONTH: "substr(dd.value, 1, 7)"}


def doc_filter(column: str, selection: CorpusFilter) -> tuple[str, list]:
    """An SQL condition (starting with " and") keeping rows whose `column` is a selected document."""
    clauses, params = [], []
    if selection.date_from:
        clauses.append(f"{column} in (select doc_id from doc_attributes where key = ? and value >= ?)")
        params += [DATE, selection.date_from]
    if selection.date_to:
        clauses.append(f"{column} in (select doc_id from doc_attributes where key = ? and value <= ?)")
        params += [DATE, selection.date_to]
    if selection.source:
        clauses.append(f"{column} in (select doc_id from doc_attributes where key = ? and value = ?)")
        params += [SOURCE, selection.source]
    for key, value in selection.attrs:
        clauses.append(f"{column} in (select doc_id from doc_attributes where key = ? and value = ?)")
        params += [key, value]
    if selection.tag:
        clauses.append(f"{column} in (select a.doc_id from annotations a join annotation_tags t on"
                       " t.annotation_id = a.id join tags g on g.id = t.tag_id where g.name = ?)")
        params.append(selection.tag)
    return "".join(f" and {c}" for c in clauses), params


class CorpusRepository:
    """Aggregates for the corpus view, the corpus CLI and the corpus report."""

    def __init__(self, db):
        self.db = db

    # Cross-document names ------------------------------------------------------------------
    def refresh_names(self, force: bool = False) -> bool:
        """Rebuild the name -> corpus entry table when summaries or the analyst's edits changed it;
        returns whether it was rebuilt."""
        if not force and not self.db.execute("select dirty from corpus_state where id = 1").fetchone()[0]:
            return False
        people: dict[str, tuple[list[str], int]] = {}
        others: list[str] = []
        for name, kind_rank, aliases, mentions in self.db.execute(
                f"select dp.person, {_KIND_RANK}, group_concat(dp.aliases, char(31)), sum(dp.mentions)"
                " from doc_people dp group by dp.person"):
            if kind_rank == 0:
                forms = {form for chunk in (aliases or "").split("\x1f") if chunk for form in json.loads(chunk)}
                people[name] = (sorted(forms), mentions or 0)
            else:
                others.append(name)
        entry_of = group_names(people, self.person_edits())
        entry_of.update({name: name for name in others if name not in entry_of})
        with self.db.atomic():
            self.db.execute("delete from corpus_names")
            self.db.conn.executemany("insert into corpus_names (name, entry) values (?, ?)", entry_of.items())
            self.db.execute("update corpus_state set dirty = 0 where id = 1")
        return True

    def person_edits(self) -> list[CorpusPersonEdit]:
        """The analyst's corpus merges and splits, in the order made."""
        return [CorpusPersonEdit(r[1], r[2], r[3], r[0], r[4]) for r in self.db.execute(
            "select id, action, name, target, created_at from corpus_person_edits order by id")]

    def add_person_edit(self, edit: CorpusPersonEdit) -> CorpusPersonEdit:
        """Store a merge or split (keeping its id on redo); the grouping is rebuilt on the next read."""
        row = {"action": edit.action, "name": edit.name, "target": edit.target, "created_at": edit.created_at or utc_now()}
        if edit.id is not None:
            row["id"] = edit.id
        with self.db.atomic():
            new_id = self.db["corpus_person_edits"].insert(row).last_pk
            self.db.execute("update corpus_state set dirty = 1 where id = 1")
        return CorpusPersonEdit(edit.action, edit.name, edit.target, new_id, row["created_at"])

    def delete_person_edit(self, edit_id: int) -> None:
        """Undo a merge or split."""
        with self.db.atomic():
            self.db.execute("delete from corpus_person_edits where id = ?", [edit_id])
            self.db.execute("update corpus_state set dirty = 1 where id = 1")

    def names_with_alias(self, alias: str) -> list[str]:
        """The per-document names that some document also wrote as `alias` (case-insensitive)."""
        folded = " ".join(alias.split()).casefold()
        rows = self.db.execute("select distinct person, aliases from doc_people where aliases like ?",
                               [f"%{alias.strip()[-20:]}%"])
        return sorted({person for person, aliases in rows
                       if any(" ".join(a.split()).casefold() == folded for a in json.loads(aliases or "[]"))})

    def entries_named(self, name: str) -> set[str]:
        """The corpus entries whose name, or one of whose per-document names, is `name` ignoring case
        and spacing ("putin" finds "Vladimir Putin" when a document called him "Putin")."""
        folded = " ".join(name.split()).casefold()
        return {entry for candidate, entry in self.db.execute("select name, entry from corpus_names")
                if candidate.casefold() == folded or entry.casefold() == folded}

    def entry_of(self, name: str) -> str | None:
        """The corpus entry a per-document name belongs to (None for a name no document uses)."""
        row = self.db.execute("select entry from corpus_names where name = ?", [name]).fetchone()
        return row[0] if row else None

    # Aggregates ----------------------------------------------------------------------------
    def people(self, selection: CorpusFilter = CorpusFilter(), limit: int | None = None) -> list[CorpusPerson]:
        """Every corpus entry in the selection, most quoted words first, with shares of voice."""
        where, params = doc_filter("dp.doc_id", selection)
        rows = self.db.execute(
            f"select n.entry, {_KIND_RANK}, count(distinct dp.doc_id), sum(dp.mentions), sum(dp.quotes),"
            " sum(dp.quoted_words), min(dd.value), max(dd.value), group_concat(distinct dp.person)"
            " from doc_people dp join corpus_names n on n.name = dp.person"
            " left join doc_attributes dd on dd.doc_id = dp.doc_id and dd.key = 'date'"
            f" where 1 = 1{where} group by n.entry"
            " order by sum(dp.quoted_words) desc, sum(dp.mentions) desc, n.entry"
            + (f" limit {int(limit)}" if limit else ""), params)
        people = [CorpusPerson(r[0], _KINDS[r[1]], r[2], r[3] or 0, r[4] or 0, r[5] or 0, r[6], r[7],
                               tuple(sorted((r[8] or "").split(",")))) for r in rows]
        if limit:  # shares are of every attributed word in the selection, not only of those listed
            total = self.db.execute(f"select coalesce(sum(dp.quoted_words), 0) from doc_people dp where 1 = 1{where}",
                                    params).fetchone()[0]
            return with_shares(people, total)
        return with_shares(people)

    def totals(self, selection: CorpusFilter = CorpusFilter()) -> dict[str, int]:
        """How many documents are selected, analysed and dated, and the quotations they hold."""
        where, params = doc_filter("d.id", selection)
        row = self.db.execute(
            "select count(*), count(s.doc_id), count(dd.value) from documents d"
            " left join doc_summaries s on s.doc_id = d.id"
            f" left join doc_attributes dd on dd.doc_id = d.id and dd.key = 'date' where 1 = 1{where}", params).fetchone()
        where_q, params_q = doc_filter("q.doc_id", selection)
        quotes = self.db.execute(
            "select count(*), count(q.speaker), coalesce(sum(q.words), 0),"
            " coalesce(sum(case when q.speaker is not null then q.words end), 0)"
            f" from doc_quotes q where 1 = 1{where_q}", params_q).fetchone()
        return {"documents": row[0], "analysed": row[1], "dated": row[2], "quotes": quotes[0],
                "attributed_quotes": quotes[1], "quoted_words": quotes[2], "attributed_words": quotes[3]}

    def quotes(self, entry: str, selection: CorpusFilter = CorpusFilter()) -> list[CorpusQuote]:
        """Every quotation of a corpus entry in the selection, by date, with context."""
        where, params = doc_filter("q.doc_id", selection)
        rows = self.db.execute(
            "select q.doc_id, d.title, dd.value, ds.value, q.start, q.\"end\", q.speaker, q.words, q.content,"
            f" substr(d.text, max(q.start - {CONTEXT}, 0) + 1, q.start - max(q.start - {CONTEXT}, 0)),"
            f" substr(d.text, q.\"end\" + 1, {CONTEXT})"
            " from corpus_names n join doc_quotes q on q.speaker = n.name join documents d on d.id = q.doc_id"
            " left join doc_attributes dd on dd.doc_id = q.doc_id and dd.key = 'date'"
            " left join doc_attributes ds on ds.doc_id = q.doc_id and ds.key = 'source'"
            f" where n.entry = ?{where} order by dd.value, q.doc_id, q.start", [entry, *params])
        return [CorpusQuote(*r) for r in rows]

    def date_range(self, selection: CorpusFilter = CorpusFilter()) -> tuple[str | None, str | None]:
        """First and last publication date among the selected documents."""
        where, params = doc_filter("doc_id", selection)
        return tuple(self.db.execute(f"select min(value), max(value) from doc_attributes where key = 'date'{where}",
                                     params).fetchone())

    def timeline(self, unit: str, selection: CorpusFilter = CorpusFilter(), entry: str | None = None) -> list[TimePoint]:
        """Mentions and quotations per period (documents without a date are left out)."""
        where, params = doc_filter("dp.doc_id", selection)
        join = ""
        if entry is not None:
            join, where, params = " join corpus_names n on n.name = dp.person", " and n.entry = ?" + where, [entry, *params]
        period = _PERIOD[unit]
        rows = self.db.execute(
            f"select {period} as period, sum(dp.mentions), sum(dp.quotes) from doc_people dp{join}"
            " join doc_attributes dd on dd.doc_id = dp.doc_id and dd.key = 'date'"
            f" where 1 = 1{where} group by period order by period", params)
        return [TimePoint(r[0], r[1] or 0, r[2] or 0) for r in rows if r[0]]

    def tags_by(self, selection: CorpusFilter = CorpusFilter(), key: str = SOURCE) -> TagBySource:
        """Passages per tag and per value of a document attribute (the source by default)."""
        where, params = doc_filter("a.doc_id", selection)
        rows = self.db.execute(
            "select g.name, coalesce(dk.value, ''), count(*) from annotations a"
            " join annotation_tags t on t.annotation_id = a.id join tags g on g.id = t.tag_id"
            " left join doc_attributes dk on dk.doc_id = a.doc_id and dk.key = ?"
            f" where a.orphaned = 0{where} group by g.name, dk.value", [key, *params])
        table = TagBySource()
        for tag, value, count in rows:
            table.counts[(tag, value)] = count
        table.tags = sorted({t for t, _ in table.counts}, key=lambda t: (-sum(
            c for (tt, _), c in table.counts.items() if tt == t), t.casefold()))
        used: dict[str, int] = {}
        for (_tag, value), count in table.counts.items():
            used[value] = used.get(value, 0) + count
        table.sources = sorted(used, key=lambda s: (s == "", -used[s], s.casefold()))  # most used first
        return table

    def passages(self, tag_id: int, selection: CorpusFilter = CorpusFilter()) -> list[CodedPassage]:
        """Every placed passage with this tag in the selection, by date and position (coding retrieval)."""
        where, params = doc_filter("a.doc_id", selection)
        rows = self.db.execute(
            "select a.id, a.doc_id, d.title, dd.value, ds.value, a.start, a.\"end\", a.exact,"
            " coalesce(a.comment, ''), coalesce(a.author, ''),"
            " (select group_concat(g.name, char(31)) from annotation_tags t2 join tags g on g.id = t2.tag_id"
            "  where t2.annotation_id = a.id), a.prefix, a.suffix"
            " from annotation_tags t join annotations a on a.id = t.annotation_id join documents d on d.id = a.doc_id"
            " left join doc_attributes dd on dd.doc_id = a.doc_id and dd.key = 'date'"
            " left join doc_attributes ds on ds.doc_id = a.doc_id and ds.key = 'source'"
            f" where t.tag_id = ? and a.orphaned = 0{where} order by dd.value, a.doc_id, a.start", [tag_id, *params])
        return [CodedPassage(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                             tuple((r[10] or "").split("\x1f")), r[11] or "", r[12] or "") for r in rows]

    def attribute_values(self, key: str) -> list[str]:
        """The values a document attribute takes in the library (for filter menus)."""
        return [r[0] for r in self.db.execute(
            "select distinct value from doc_attributes where key = ? order by value", [key])]

    def attribute_keys(self) -> list[str]:
        """Every attribute key used in the library."""
        return [r[0] for r in self.db.execute("select distinct key from doc_attributes order by key")]

    def document_attributes(self, doc_id: int) -> dict[str, str]:
        """One document's attributes."""
        return dict(self.db.execute("select key, value from doc_attributes where doc_id = ? order by key", [doc_id]))

    def listing_attributes(self) -> dict[int, tuple[str | None, str | None]]:
        """doc id -> (date, source) for the library list."""
        out: dict[int, list] = {}
        for doc_id, key, value in self.db.execute(
                "select doc_id, key, value from doc_attributes where key in ('date', 'source')"):
            out.setdefault(doc_id, [None, None])[0 if key == DATE else 1] = value
        return {k: (v[0], v[1]) for k, v in out.items()}
