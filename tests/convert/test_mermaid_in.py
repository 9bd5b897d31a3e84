"""Mermaid journey diagrams (alone or in a Markdown page) as maps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cjmap.convert.importer import ImportOptions, import_file
from cjmap.convert.mermaid_in import read_mermaid
from cjmap.convert.problems import ConvertProblem
from cjmap.load.loader import load_map
from cjmap.model import CurrentStateMap

DIAGRAM = """\
---
config:
  theme: forest
---
%% a comment before the diagram
journey
    title Мой рабочий день: утро
    accDescr {
        Several lines
        of description
    }
    section Дорога на работу 🚌
      Делаю чай: 5: Я
      Поднимаюсь наверх: 3: Я, Кот
    section Работа
      %% a comment between tasks
      Пишу отчёт: 1: Я, Кот
      Обед: 2: Я
    section 回家
      坐地铁: 4
"""


def test_a_journey_becomes_stages_with_feelings_and_actors(
    project: Path, errors_of: Callable[[Path], list[str]]
) -> None:
    path = project / "day.mmd"
    path.write_text(DIAGRAM, encoding="utf-8")
    result = import_file(path, ImportOptions())
    out = project / "day.cjm.yaml"
    out.write_text(result.text, encoding="utf-8")

    assert errors_of(out) == []
    doc = load_map(out).doc
    assert isinstance(doc, CurrentStateMap)
    assert doc.title == "Мой рабочий день: утро" and doc.lang == "ru"
    assert [s.name for s in doc.stages] == ["Дорога на работу 🚌", "Работа", "回家"]
    assert doc.stages[0].actions == ["Делаю чай", "Поднимаюсь наверх"]
    # Mean of the 1..5 scores onto -3..+3: 4 -> +2, 1.5 -> -2 (half away from zero), 4 -> +2.
    assert [s.feeling.score if s.feeling else None for s in doc.stages] == [2, -2, 2]
    assert doc.persona is None  # two actors: kept in a comment, not guessed into a persona
    assert "# Mermaid actors: Я, Кот" in result.text
    # Mermaid has no touchpoints: the gap is suppressed by name, with what to add.
    assert "# cjmap: disable-file=CJM101 -- to do: add touchpoints to 3 stage(s)" in result.text


def test_one_actor_is_the_persona(project: Path, errors_of: Callable[[Path], list[str]]) -> None:
    path = project / "README.md"
    path.write_text(
        "# Our journeys\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n"
        "```mermaid\njourney\n  title Buying\n  section Find\n    Search: 2: Colleen\n"
        "  section Buy\n    Pay: 4: Colleen\n  section Use\n    Vacuum: 5: Colleen\n```\n",
        encoding="utf-8",
    )
    result = import_file(path, ImportOptions())
    out = project / "buying.cjm.yaml"
    out.write_text(result.text, encoding="utf-8")
    assert errors_of(out) == []
    doc = load_map(out).doc
    assert doc is not None and doc.persona is not None and doc.persona.name == "Colleen"
    assert "CJM104" in result.text.splitlines()[3]  # goals and needs still to be written


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("flowchart LR\n  A --> B\n", "not a Mermaid journey diagram (it starts with 'flowchart')"),
        ("", "the file is empty"),
        ("journey\n  title T\n", "no sections or tasks"),
        ("journey\n  section S\n    Task without a score\n", "a task line needs a score"),
        ("journey\n  section S\n    Task: many: Me\n", "task score 'many' is not a number"),
    ],
)
def test_what_is_not_a_journey_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(ConvertProblem) as caught:
        read_mermaid(text, "x.mmd")
    assert message in caught.value.message


def test_a_markdown_page_without_a_journey(project: Path) -> None:
    path = project / "README.md"
    path.write_text("# Hi\n\n```mermaid\nflowchart LR\n  A --> B\n```\n", encoding="utf-8")
    with pytest.raises(ConvertProblem, match="no ```mermaid block with a journey"):
        import_file(path, ImportOptions())


def test_a_binary_file_named_mmd_is_refused(project: Path) -> None:
    path = project / "x.mmd"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)))
    with pytest.raises(ConvertProblem, match="must be UTF-8"):
        import_file(path, ImportOptions())
