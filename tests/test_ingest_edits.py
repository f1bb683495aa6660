"""Editors' work survives any sequence of ingests: a property test over random histories.

Each history mixes ingests of two pages of one issue (each page in several variants
that give different numbers of articles and different texts) with what editors do
in the issue folder: edit an article's body or title, correct the page text, copy an
article to a free place, rename one, delete one, write one by hand, and a killed
ingest leaving a temporary file behind. The model knows which files are the
editors' (and their exact text) and which the ingest wrote and nobody touched;
after every step:

- every editor's file exists with exactly the editor's text;
- an ingest removes only its own untouched files, and says so for each;
- an ingest reports every file it writes and every editor's file it keeps;
- an ingest does its job: the page's articles are all there (an editor's file or
  the ingest's text), nothing else of the ingest's own is left of that page, and
  stale temporary files are gone.

Plain seeded `random`: a failure names the seed and the steps, and replays exactly.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.commands.ingest import ingest
from generator.content.store import load_manifest

SEEDS = range(150)
ISSUE = "xuchang/ribao/2023/03/06"
FLAGS = {"city": "许昌", "paper": "许昌日报", "date": "2023-03-06", "section": None}
PAGES = (2, 3)
MAX_SEQ = 7  # places NN = 01..07 an editor copies, renames or writes to

BLOCKS = [
    ("本报讯（记者 王明）3 月 5 日，市文化局在\n市图书馆举办读书分享会，吸引了{n}\n"
     "多名市民参加。\n\n活动现场，读者们交流读书心得，气\n氛热烈。\n",
     "全民阅读分享会在市图书馆举行"),
    ("本报讯（记者 李四）3 月 8 日，记者从市交通运输局获悉，\n今年我市计划新建和改造"
     "农村公路{n}公里。\n\n市交通运输局有关负责人表示，将全程加强工程质量监管。\n",
     "农村公路建设提速城乡出行更加便捷"),
    ("本报讯（记者 周敏）连日来，市图书馆推出系列阅读活动，\n吸引{n}个家庭带着孩子"
     "走进馆内参与。\n", "书香润童心阅读伴成长"),
    ("本报讯（记者 赵六）日前，市农科院专家走进田间地头，\n围绕小麦春季管理为{n}位"
     "种植大户现场授课。\n", "专家田间授课助春管"),
]
# (blocks in page order, the number printed in them): different counts, orders and texts
VARIANTS = [((0, 1, 2), "二百"), ((0, 1), "二百"), ((0, 1, 2, 3), "二百"), ((2,), "三百"),
            ((1, 3, 0), "二百"), ((0, 1, 2), "三百"), ((3, 2, 1, 0), "五十")]


def page_text(variant: int) -> tuple[str, list[str]]:
    blocks, n = VARIANTS[variant]
    text = "\n".join(BLOCKS[i][0].format(n=n) + "\n" + BLOCKS[i][1] + "\n" for i in blocks)
    return text, [BLOCKS[i][1] for i in blocks]


def article_rel(page: int, seq: int) -> str:
    return f"{ISSUE}/{page:02d}-{seq:02d}.md"


def source_rel(page: int) -> str:
    return f"{ISSUE}/{page:02d}.txt"


def page_of(rel: str) -> int:
    return int(rel.rsplit("/", 1)[1][:2])


@dataclass
class Model:
    content: Path
    inbox: Path
    dead_pid: int
    rng: random.Random
    files: dict[str, str] = field(default_factory=dict)  # rel → text, dot-files aside
    editors: set[str] = field(default_factory=set)  # rels of the editors' files
    ever: set[tuple[str, str]] = field(default_factory=set)  # (rel, text) an ingest wrote
    temps: set[str] = field(default_factory=set)  # stale temporary files, rels
    deleted: set[str] = field(default_factory=set)  # the ingest's places an editor emptied
    log: list[str] = field(default_factory=list)
    counter: int = 0

    # -- the files on disk ----------------------------------------------------------------

    def snapshot(self) -> dict[str, str]:
        folder = self.content / ISSUE
        if not folder.is_dir():
            return {}
        return {f"{ISSUE}/{p.name}": p.read_bytes().decode("utf-8", "surrogateescape")
                for p in folder.iterdir() if not p.name.startswith(".")}

    def dot_files(self) -> set[str]:
        folder = self.content / ISSUE
        return {f"{ISSUE}/{p.name}" for p in folder.iterdir() if p.name.startswith(".")} \
            if folder.is_dir() else set()

    def path(self, rel: str) -> Path:
        return self.content / rel

    def put(self, rel: str, text: str) -> None:
        """An editor saves text at rel: theirs unless the ingest once wrote exactly it there."""
        self.path(rel).parent.mkdir(parents=True, exist_ok=True)
        self.path(rel).write_bytes(text.encode("utf-8", "surrogateescape"))
        self.files[rel] = text
        self.deleted.discard(rel)
        if (rel, text) in self.ever:
            self.editors.discard(rel)
        else:
            self.editors.add(rel)

    def recorded(self, rel: str) -> bool:
        """Did an ingest write this place (its record in the folder's .ingest.json)?"""
        folder, name = rel.rsplit("/", 1)
        return name in load_manifest(self.content / folder)

    def drop(self, rel: str) -> None:
        """An editor removes a file: a place the ingest wrote stays empty from now on."""
        if self.recorded(rel):
            self.deleted.add(rel)
        self.path(rel).unlink()
        del self.files[rel]
        self.editors.discard(rel)

    def articles(self) -> list[str]:
        return sorted(r for r in self.files if r.endswith(".md"))

    def free_places(self) -> list[str]:
        return [article_rel(p, s) for p in PAGES for s in range(1, MAX_SEQ + 1)
                if article_rel(p, s) not in self.files]

    def unique(self) -> int:
        self.counter += 1
        return self.counter

    # -- the steps ----------------------------------------------------------------------

    def step(self) -> None:
        actions = [self.do_ingest, self.do_ingest, self.do_ingest]
        if self.articles():
            actions += [self.edit_body, self.edit_title, self.delete]
            if self.free_places():
                actions += [self.copy, self.rename]
        if any(r.endswith(".txt") for r in self.files):
            actions += [self.edit_page_text]
        if self.free_places():
            actions += [self.hand_write]
        if self.files:
            actions += [self.killed_write]
        self.rng.choice(actions)()
        self.check_editors()

    def do_ingest(self) -> None:
        page, variant = self.rng.choice(PAGES), self.rng.randrange(len(VARIANTS))
        self.log.append(f"ingest page {page} variant {variant}")
        text, titles = page_text(variant)
        source = self.inbox / f"p{page}.txt"
        source.write_text(text, encoding="utf-8")
        before, temps_before = self.snapshot(), self.temps & self.dot_files()
        out = io.StringIO()
        assert ingest([source], self.content, {**FLAGS, "page": page}, {}, out=out) == 0
        after = self.snapshot()
        self.check_ingest(page, text, titles, before, after, out.getvalue(), temps_before)
        self.files = after
        self.ever |= {(r, t) for r, t in after.items() if r not in self.editors}
        self.temps -= temps_before

    def edit_body(self) -> None:
        rel = self.rng.choice(self.articles())
        self.log.append(f"edit body of {rel}")
        self.put(rel, self.files[rel].rstrip("\n") + f"\n\n编者补记第{self.unique()}段。\n")

    def edit_title(self) -> None:
        rel = self.rng.choice(self.articles())
        self.log.append(f"edit title of {rel}")
        text = self.files[rel]
        new = re.sub(r"(?m)^title: (.*)$", lambda m: f"title: {m[1]}（校{self.unique()}）",
                     text, count=1)
        if new == text:  # no title line (hand-written without one): add to the body
            new = text + f"校{self.unique()}\n"
        self.put(rel, new)

    def edit_page_text(self) -> None:
        rel = self.rng.choice(sorted(r for r in self.files if r.endswith(".txt")))
        self.log.append(f"correct page text {rel}")
        self.put(rel, self.files[rel].replace("市", f"市（校{self.unique()}）", 1)
                 + "（已校对）\n")

    def copy(self) -> None:
        src, dst = self.rng.choice(self.articles()), self.rng.choice(self.free_places())
        self.log.append(f"copy {src} to {dst}")
        self.put(dst, self.files[src])

    def rename(self) -> None:
        src, dst = self.rng.choice(self.articles()), self.rng.choice(self.free_places())
        self.log.append(f"rename {src} to {dst}")
        text = self.files[src]
        if self.recorded(src):
            self.deleted.add(src)
        self.path(src).rename(self.path(dst))
        del self.files[src]
        self.editors.discard(src)
        self.deleted.discard(dst)
        self.files[dst] = text
        if (dst, text) in self.ever:
            self.editors.discard(dst)
        else:
            self.editors.add(dst)

    def delete(self) -> None:
        rel = self.rng.choice(sorted(self.files))
        self.log.append(f"delete {rel}")
        self.drop(rel)

    def hand_write(self) -> None:
        rel = self.rng.choice(self.free_places())
        self.log.append(f"write {rel} by hand")
        page = page_of(rel)
        self.put(rel, f"---\ntitle: 手写稿{self.unique()}\ncity: 许昌\npaper: 许昌日报\n"
                      f"date: 2023-03-06\npage: {page}\n---\n\n编辑部手写的正文。\n")

    def killed_write(self) -> None:
        target = self.rng.choice(sorted(self.files)).rsplit("/", 1)[1]
        rel = f"{ISSUE}/.{target}.{self.dead_pid}-{self.rng.getrandbits(32):08x}.tmp"
        self.log.append(f"a killed ingest leaves {rel}")
        self.path(rel).write_text("写了一半", encoding="utf-8")
        self.temps.add(rel)

    # -- the checks ---------------------------------------------------------------------

    def fail(self, message: str) -> str:
        return f"{message}\nsteps:\n  " + "\n  ".join(self.log)

    def check_editors(self) -> None:
        now = self.snapshot()
        for rel in sorted(self.editors):
            assert rel in now, self.fail(f"the editor's {rel} is gone")
            assert now[rel] == self.files[rel], self.fail(f"the editor's {rel} was changed")
        for rel, text in now.items():  # everything else is the ingest's, untouched
            assert rel in self.editors or (rel, text) in self.ever, \
                self.fail(f"{rel}: neither an editor's nor as an ingest wrote it")

    def check_ingest(self, page: int, text: str, titles: list[str], before: dict[str, str],
                     after: dict[str, str], out: str, temps: set[str]) -> None:
        lines = [ln.strip() for ln in out.splitlines()]
        wrote = {ln[len("wrote "):] for ln in lines if ln.startswith("wrote ")}
        kept = {ln[len("kept "):].split(": ", 1)[0] for ln in lines if ln.startswith("kept ")}
        removed = {ln[len("removed "):].split(": ", 1)[0] for ln in lines
                   if ln.startswith("removed ")}
        fail = self.fail
        for rel in sorted(self.editors):
            assert after.get(rel) == before[rel], fail(f"ingest lost the editor's {rel}")
        for rel in sorted(set(before) - set(after)):
            assert rel not in self.editors, fail(f"ingest removed the editor's {rel}")
            assert (rel, before[rel]) in self.ever, fail(f"ingest removed {rel}, not its own")
            assert rel in removed, fail(f"ingest removed {rel} without saying so:\n{out}")
        for rel in sorted(removed - temps):
            assert rel in before and rel not in after, fail(f"said it removed {rel}:\n{out}")
        for rel in sorted(after):
            if after[rel] != before.get(rel):
                assert rel not in self.editors, fail(f"ingest wrote over the editor's {rel}")
                assert rel in wrote, fail(f"ingest wrote {rel} without saying so:\n{out}")
        for rel in sorted(wrote):
            assert rel in after and after[rel] != before.get(rel), \
                fail(f"said it wrote {rel} but did not:\n{out}")
            assert page_of(rel) == page, fail(f"ingest of page {page} wrote {rel}")
        # every editor's file of this page is reported as kept, and nothing else is;
        # so is every place of this page the ingest wrote once and an editor emptied
        planned = {article_rel(page, i + 1): title for i, title in enumerate(titles)}
        emptied = self.deleted & {*planned, source_rel(page)}
        for rel in sorted(emptied):
            assert rel not in after, fail(f"ingest brought back {rel}, which an editor "
                                          f"deleted:\n{out}")
        mine = {r for r in self.editors if page_of(r) == page} | emptied
        assert kept == mine, fail(f"kept lines {sorted(kept)}, the editors' files of page "
                                  f"{page} {sorted(mine)}:\n{out}")
        # the ingest did its job
        for rel, title in planned.items():
            if rel in emptied:
                continue
            assert rel in after, fail(f"ingest did not write {rel}")
            if rel not in self.editors:
                assert f"title: {title}\n" in after[rel], fail(f"{rel} is not the new text")
        for rel in sorted(after):
            if page_of(rel) == page and rel.endswith(".md") and rel not in planned:
                assert rel in self.editors, fail(f"ingest left its own {rel} behind")
        src = source_rel(page)
        assert src in after or src in emptied, fail(f"ingest did not write {src}")
        if src not in self.editors and src not in emptied:
            assert after[src] == text, fail(f"{src} is not the page text")
        left = temps & self.dot_files()
        assert not left, fail(f"stale temporary files left: {sorted(left)}")
        assert temps <= removed, fail(f"temporary files removed silently:\n{out}")
        summary = lines[-1]
        assert summary.startswith("1 pages, ") and f"{len(wrote)} files written" in summary \
            and f"{len(removed)} removed" in summary, fail(f"summary: {summary}")


def dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory when the system has one (/dev/shm): the histories make
    thousands of small writes and renames, slow on some disks; else tmp_path."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="ingest-edits-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_random_histories_never_lose_an_editors_work(scratch, monkeypatch):
    # fsync guards against power loss, not what is tested here, and is most of the
    # time these writes take on a slow disk
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    pid = dead_pid()
    for seed in SEEDS:
        rng = random.Random(seed)
        root = scratch / f"seed{seed}"
        (root / "in").mkdir(parents=True)
        model = Model(root / "content", root / "in", pid, rng)
        model.log.append(f"seed {seed}")
        for _ in range(rng.randint(10, 20)):
            model.step()
