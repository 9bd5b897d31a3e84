"""Outputs: never partial, never clobbered, never written anywhere but where asked.

The output path may be a symlink, a folder, read-only, on a full disk; the run may be killed in
the middle of writing; two renders may write the same file at once. Each time the old output
must stay as it was (or be replaced whole), and no temporary file may be left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from cjmap.output import OutputProblem, write_atomic

from .conftest import EXAMPLES, ROOT, VALID, cli

OLD = b"the old output, which must survive\n"
TITLES = (
    "Buying a vacuum cleaner online (current state)",
    "Онлајн нарачка на намирници со достава (тековна состојба)",
)


@pytest.fixture
def map_file(project: Path) -> Path:
    path = project / "map.cjm.yaml"
    path.write_text(VALID)
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_output_symlink_is_not_followed(project: Path, map_file: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(OLD)
    link = project / "out.html"
    link.symlink_to(victim)
    result = cli("render", map_file, "-o", link)
    assert result.returncode == 2
    assert f"{link}: is a symlink; cjmap does not write through symlinks" in result.stderr
    assert victim.read_bytes() == OLD
    assert link.is_symlink()


def test_output_that_is_a_folder_is_left_alone(project: Path, map_file: Path) -> None:
    (project / "map.pdf").mkdir()
    (project / "map.pdf" / "keep.txt").write_bytes(OLD)
    result = cli("render", map_file)  # a PDF beside the map: map.pdf
    assert result.returncode == 2
    assert "map.pdf: is a folder" in result.stderr
    assert (project / "map.pdf" / "keep.txt").read_bytes() == OLD


@pytest.mark.posix_only
def test_output_device_is_refused() -> None:
    with pytest.raises(OutputProblem, match="/dev/full: is not a regular file"):
        write_atomic(Path("/dev/full"), b"x")


def test_symlinked_folder_inside_the_output_folder(project: Path, tmp_path: Path) -> None:
    """``out/`` committed with ``out/sub -> elsewhere``: rendering ``maps/`` into ``out/`` does
    not write through it."""
    (project / "maps" / "sub").mkdir(parents=True)
    (project / "maps" / "sub" / "m.cjm.yaml").write_text(VALID)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project / "out").mkdir()
    (project / "out" / "sub").symlink_to(elsewhere)
    result = cli("render", "--format", "html", project / "maps", "-o", project / "out")
    assert result.returncode == 2
    assert "is a symlink; cjmap does not write through symlinks" in result.stderr
    assert listing(elsewhere) == []


def _mount_tmpfs(folder: Path, options: str) -> bool:
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True)


def test_read_only_output_folder(project: Path, map_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    if os.geteuid() == 0:
        # root ignores permissions: use a read-only file system.
        if not _mount_tmpfs(folder, "size=1m"):
            pytest.skip("cannot mount a tmpfs here")
        (folder / "out.html").write_bytes(OLD)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        why = "Read-only file system"
    else:
        folder.mkdir()
        (folder / "out.html").write_bytes(OLD)
        folder.chmod(0o555)
        why = "Permission denied"
    try:
        result = cli("render", map_file, "-o", folder / "out.html")
        assert result.returncode == 2
        assert f"cannot write in {folder} ({why})" in result.stderr
        assert (folder / "out.html").read_bytes() == OLD
        assert listing(folder) == ["out.html"]
    finally:
        if os.geteuid() == 0:
            _umount(folder)
        else:
            folder.chmod(0o755)


def test_full_disk(project: Path, map_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "full"
    if not _mount_tmpfs(folder, "size=64k"):
        pytest.skip("cannot mount a small tmpfs here (see test_file_size_limit)")
    try:
        # The old output takes most of the disk: the new one cannot be written beside it.
        old = OLD * (56 * 1024 // len(OLD))
        (folder / "out.pdf").write_bytes(old)
        result = cli("render", map_file, "-o", folder / "out.pdf")
        assert result.returncode == 2
        assert f"{folder / 'out.pdf'}: cannot write (No space left on device)" in result.stderr
        assert (folder / "out.pdf").read_bytes() == old
        assert listing(folder) == ["out.pdf"]
    finally:
        _umount(folder)


@pytest.mark.posix_only
def test_file_size_limit(project: Path, map_file: Path) -> None:
    """A write that fails half-way (RLIMIT_FSIZE: works without root) keeps the old output."""
    target = project / "out.pdf"
    target.write_bytes(OLD)

    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run(
        [sys.executable, "-m", "cjmap", "render", str(map_file), "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=limit,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert f"{target}: cannot write (File too large)" in result.stderr
    assert target.read_bytes() == OLD
    assert listing(project) == [".git", "map.cjm.yaml", "out.pdf"]


WRITER = """
import sys
from pathlib import Path
from cjmap.output import write_atomic
write_atomic(Path(sys.argv[1]), b"N" * (400 * 1024 * 1024))
"""


@pytest.mark.posix_only
def test_killed_in_the_middle_of_writing(tmp_path: Path) -> None:
    """SIGKILL while the data is being written: the old file stays, nothing is left over."""
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], cwd=ROOT)
    fds = Path(f"/proc/{child.pid}/fd")
    caught = False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        try:
            links = [os.readlink(fd) for fd in fds.iterdir()]
        except OSError:
            links = []
        writing = [link for link in links if link.startswith(str(tmp_path))]
        if writing:  # the nameless file being written (O_TMPFILE) or a named temporary one
            caught = True
            child.kill()
            break
        time.sleep(0.001)
    child.wait()
    assert caught, "the writer finished before it could be killed"
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["out.pdf"]


@pytest.mark.posix_only
def test_render_killed_at_any_moment(project: Path, map_file: Path) -> None:
    """``cjmap render`` killed at 8 moments from start to end: always the old PDF or a whole new
    one, never a partial file or a leftover."""
    target = project / "out.pdf"
    target.write_bytes(OLD)
    start = time.monotonic()
    done = cli("render", map_file, "-o", project / "timing.pdf")
    assert done.returncode == 0, done.stderr
    total = time.monotonic() - start
    (project / "timing.pdf").unlink()
    outcomes = set()
    for i in range(8):
        child = subprocess.Popen(
            [sys.executable, "-m", "cjmap", "render", str(map_file), "-o", str(target)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(total * (i + 1) / 8)
        os.killpg(child.pid, signal.SIGKILL)  # the CLI and its render worker
        child.wait()
        data = target.read_bytes()
        if data == OLD:
            outcomes.add("old")
        else:
            assert PdfReader(BytesIO(data)).pages, "a partial PDF"
            outcomes.add("new")
            target.write_bytes(OLD)
        assert listing(project) == [".git", "map.cjm.yaml", "out.pdf"], i
    assert "old" in outcomes


@pytest.mark.posix_only
def test_interrupt_with_ctrl_c(project: Path, map_file: Path) -> None:
    target = project / "out.pdf"
    target.write_bytes(OLD)
    child = subprocess.Popen(
        [sys.executable, "-m", "cjmap", "render", str(map_file), "-o", str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    # Interrupt mid-render: once the render worker exists (on a loaded machine a fixed delay
    # could land in the interpreter's own start-up, before cjmap runs at all).
    children = Path(f"/proc/{child.pid}/task/{child.pid}/children")
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        if children.exists() and children.read_text().split():
            break
        time.sleep(0.02)
    time.sleep(0.3)
    os.killpg(child.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the CLI and its worker
    _, err = child.communicate(timeout=60)
    if child.returncode == 0:
        pytest.skip("the render finished before the interrupt")
    # 130 from cjmap (typer turns KeyboardInterrupt into exit 130), or death by SIGINT itself
    # when it lands where Python cannot raise it (seen about once in ten, under load): a shell
    # reports both as 130. What matters is below: no traceback, the old file, no leftovers.
    assert child.returncode in (130, -signal.SIGINT), err
    assert "Traceback" not in err
    assert target.read_bytes() == OLD
    assert listing(project) == [".git", "map.cjm.yaml", "out.pdf"]


def test_two_renders_to_the_same_file(tmp_path: Path) -> None:
    target = tmp_path / "shared.pdf"
    target.write_bytes(OLD)
    maps = [EXAMPLES / "colleen" / "current.cjm.yaml", EXAMPLES / "mk" / "current.cjm.yaml"]
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "cjmap", "render", str(m), "-o", str(target)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for m in maps
    ]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    reader = PdfReader(BytesIO(target.read_bytes()))
    titles = {str(reader.metadata.title) if reader.metadata else ""}
    # One map or the other, whole: never a mix of the two, never the old bytes.
    assert titles & {TITLES[0], TITLES[1]}, titles
    assert len(reader.pages) >= 1
    assert listing(tmp_path) == ["shared.pdf"]


def test_outputs_named_as_windows_devices_are_not_written(project: Path) -> None:
    """A map named ``aux.cjm.yaml`` rendered into a folder, or ``-o nul.html``: such a file,
    committed from Linux CI, breaks every checkout on Windows."""
    (project / "maps").mkdir()
    (project / "maps" / "aux.cjm.yaml").write_text(VALID)
    (project / "maps" / "fine.cjm.yaml").write_text(VALID)
    batch = cli("render", "--format", "html", project / "maps", "-o", project / "out")
    assert batch.returncode == 2
    target = project / "out" / "aux.html"
    assert (
        f"{target}: 'aux.html' is a name Windows reserves for a device; choose another name"
        in batch.stderr
    )
    assert listing(project / "out") == ["fine.html"]
    single = cli("render", project / "maps" / "fine.cjm.yaml", "-o", project / "Nul.html")
    assert single.returncode == 2
    assert "'Nul.html' is a name Windows reserves for a device; choose another name" in (
        single.stderr
    )
    assert "Nul.html" not in listing(project)


def test_an_output_folder_named_as_a_windows_device_is_not_made(project: Path) -> None:
    (project / "maps" / "con").mkdir(parents=True)
    (project / "maps" / "con" / "fine.cjm.yaml").write_text(VALID)
    mirrored = cli("render", "--format", "html", project / "maps", "-o", project / "out")
    assert mirrored.returncode == 2
    assert "'con' is a name Windows reserves for a device; choose another name" in (mirrored.stderr)
    assert not (project / "out" / "con").exists()
    top = cli("render", "--format", "html", project / "maps", "-o", project / "aux")
    assert top.returncode == 2 and not (project / "aux").exists()
