"""Where outputs go, batches on a process pool, and outputs that are all or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cjmap.render.batch import (
    BatchResult,
    Job,
    JobStatus,
    OutputFormat,
    PlanProblem,
    choose_format,
    output_stem,
    plan_outputs,
    render_jobs,
    render_paths,
    run,
)

from .conftest import EXAMPLES, FIXTURES, ON, write_map


def test_output_stem() -> None:
    assert output_stem(Path("a/current.cjm.yaml")) == "current"
    assert output_stem(Path("map.yaml")) == "map"
    assert output_stem(Path("notes.txt")) == "notes"


def test_format_from_the_output_suffix() -> None:
    assert choose_format(Path("x.html"), None, True) is OutputFormat.html
    assert choose_format(Path("x.HTM"), None, True) is OutputFormat.html
    assert choose_format(None, None, True) is OutputFormat.pdf
    assert choose_format(Path("out"), OutputFormat.html, False) is OutputFormat.html
    with pytest.raises(PlanProblem, match="names a pdf file but --format is html"):
        choose_format(Path("x.pdf"), OutputFormat.html, True)
    with pytest.raises(PlanProblem, match="cannot tell the format"):
        choose_format(Path("x.txt"), None, True)


def test_folders_mirror_their_subfolders_and_files_go_flat(tmp_path: Path) -> None:
    root = Path("maps")
    inputs = [
        (root / "a" / "one.cjm.yaml", root),
        (root / "b" / "one.cjm.yaml", root),
        (Path("x/two.cjm.yaml"), None),
    ]
    pairs = plan_outputs(inputs, tmp_path, OutputFormat.pdf, single_file=False)
    assert [t for _, t in pairs] == [
        tmp_path / "a" / "one.pdf",
        tmp_path / "b" / "one.pdf",
        tmp_path / "two.pdf",
    ]
    beside = plan_outputs(inputs, None, OutputFormat.html, single_file=False)
    assert beside[0][1] == root / "a" / "one.html"


def test_two_maps_to_one_file_is_a_usage_error(tmp_path: Path) -> None:
    inputs = [(Path("a/one.cjm.yaml"), None), (Path("b/one.cjm.yaml"), None)]
    with pytest.raises(PlanProblem, match="would both be written"):
        plan_outputs(inputs, tmp_path, OutputFormat.pdf, single_file=False)


def test_rendering_the_examples_folder_in_parallel(tmp_path: Path) -> None:
    done: list[str] = []
    run = render_paths(
        [EXAMPLES],
        out=tmp_path / "out",
        fmt=OutputFormat.html,
        workers=2,
        on=ON,
        on_done=lambda o: done.append(o.status),
    )
    assert run.exit_code == 0
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.html")
    )
    assert (
        "colleen/current.html" in written
        and "mk/current.html" in written
        and "zh/empathy.html" in written
    )
    assert len(written) == len(list(EXAMPLES.rglob("*.cjm.yaml"))) == len(done)
    assert set(done) == {"ok"}


def test_the_biggest_maps_start_first_and_outcomes_keep_the_order_of_the_jobs(
    tmp_path: Path,
) -> None:
    maps = sorted(EXAMPLES.rglob("*.cjm.yaml"))
    jobs = [
        Job(path, tmp_path / f"{index}.html", OutputFormat.html, on=ON)
        for index, path in enumerate(maps)
    ]
    started: list[Path] = []
    result = render_jobs(jobs, workers=1, on_done=lambda o: started.append(o.job.source))
    by_size = sorted(maps, key=lambda p: -p.stat().st_size)
    assert started == by_size != maps  # one worker: each finishes before the next starts
    assert [o.job.source for o in result.outcomes] == maps


def test_a_map_with_errors_is_not_rendered_and_the_others_are(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    shutil.copy(FIXTURES / "wide.cjm.yaml", folder)
    write_map(
        folder,
        "broken.cjm.yaml",
        "cjmap: 1\nkind: current-state\ntitle: Broken\nstages: [{nme: x}]\n",
    )
    run = render_paths([folder], out=tmp_path / "out", fmt=OutputFormat.html, workers=1, on=ON)
    assert run.exit_code == 1
    assert len(run.blocked) == 1 and run.blocked[0].endswith("broken.cjm.yaml")
    assert (tmp_path / "out" / "wide.html").exists()
    assert not (tmp_path / "out" / "broken.html").exists()
    assert any(d.severity.value == "error" for d in run.validation.diagnostics)


def test_a_failed_render_keeps_the_earlier_output_and_leaves_no_partial_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "map.pdf"
    target.write_bytes(b"%PDF earlier good output")
    path = write_map(
        tmp_path,
        "map.cjm.yaml",
        "cjmap: 1\nkind: empathy\ntitle: Kawi \U00011f04 and private \ue000\nempathy: {says: [hi]}\n",
    )
    outcome = render_jobs([Job(path, target, OutputFormat.pdf, on=ON)], workers=1).outcomes[0]
    assert outcome.status == "map" and "no installed font" in (outcome.message or "")
    assert target.read_bytes() == b"%PDF earlier good output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.cjm.yaml", "map.pdf"]


def test_an_unwritable_output_is_an_io_problem(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    job = Job(FIXTURES / "wide.cjm.yaml", tmp_path / "file" / "out.html", OutputFormat.html, on=ON)
    outcome = render_jobs([job], workers=1).outcomes[0]
    assert outcome.status == "io"
    assert "out.html" in (outcome.message or "")


def test_several_maps_need_a_folder_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(PlanProblem, match="several maps need a folder"):
        render_paths([EXAMPLES], out=tmp_path / "all.pdf", on=ON)
    (tmp_path / "exists").write_text("x")
    with pytest.raises(PlanProblem, match="is a file"):
        render_paths([EXAMPLES], out=tmp_path / "exists", on=ON)


def test_a_template_that_cannot_show_a_map_is_found_before_any_worker_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Path] = []

    def spy(jobs: list[Job], **options: object) -> BatchResult:
        started.extend(job.source for job in jobs)
        return render_jobs(jobs, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "render_jobs", spy)
    done: list[str] = []
    result = render_paths(
        [EXAMPLES / "colleen"],
        out=tmp_path / "out",
        fmt=OutputFormat.html,
        template="empathy",
        workers=1,
        on=ON,
        on_done=lambda o: done.append(o.status),
    )
    assert result.exit_code == 2
    assert started == [EXAMPLES / "colleen" / "empathy.cjm.yaml"]
    by_name = {o.job.source.name: o for o in result.batch.outcomes}
    assert [o.job.source.name for o in result.batch.outcomes] == sorted(by_name)  # map order
    assert by_name["empathy.cjm.yaml"].status is JobStatus.ok
    refused = by_name["current.cjm.yaml"]
    assert (refused.status, refused.message) == (
        JobStatus.usage,
        "the empathy template cannot show a current-state map; "
        "use --template current-state (or leave --template out)",
    )
    assert sorted(done) == ["ok", "usage", "usage", "usage"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["empathy.html"]


def test_the_workers_render_the_maps_the_validation_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each map is read once: by the validation, in the parent, before the workers fork."""
    folder = tmp_path / "maps"
    folder.mkdir()
    for name in ("bare.cjm.yaml", "wide.cjm.yaml"):
        shutil.copy(FIXTURES / name, folder)

    def without_the_files(jobs: list[Job], **options: object) -> BatchResult:
        for job in jobs:
            assert job.loaded is not None and job.loaded.ok
            job.source.unlink()  # a worker that read the map again would fail
        return render_jobs(jobs, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "render_jobs", without_the_files)
    result = render_paths([folder], out=tmp_path / "out", fmt=OutputFormat.html, workers=2, on=ON)
    assert result.exit_code == 0, [o.message for o in result.batch.failed]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["bare.html", "wide.html"]
    assert all(o.job.loaded is not None for o in result.batch.outcomes)  # the caller's jobs
