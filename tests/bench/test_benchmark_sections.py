"""`make bench` writes each section of docs/benchmarks.md as it finishes: a run
cut short, or one section rerun alone, keeps every section it did not measure."""
from bench import report, run

OLD = """# Doorstep benchmarks

Generated once by an earlier run.

<!-- map: written by bench.run -->
## 1. Map cost

old map figures
<!-- /map -->

<!-- nearest:start -->
## 4. Where's my nearest

old nearest figures
<!-- nearest:end -->

<!-- engine: written by bench.engine -->
## Local engine

old engine figures
<!-- /engine -->
"""


def _doc(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(OLD)
    return doc


def test_a_section_is_rewritten_where_it_stands_and_the_others_are_kept(tmp_path):
    doc = _doc(tmp_path)
    report.replace_section(doc, "<!-- nearest:start -->", "<!-- nearest:end -->",
                           "<!-- nearest:start -->\n## 4. Where's my nearest\n\nnew nearest figures\n<!-- nearest:end -->")
    text = doc.read_text()
    assert "old map figures" in text and "old engine figures" in text
    assert "new nearest figures" in text and "old nearest figures" not in text
    assert text.index("Map cost") < text.index("new nearest figures") < text.index("Local engine")
    assert "_Measured " in text.split("## 4. Where's my nearest")[1].split("new nearest")[0]


def test_a_new_section_is_added_at_the_end_and_the_head_goes_first(tmp_path):
    doc = _doc(tmp_path)
    report.write(doc, "creation", report.section("creation", ["## 2. Report creation", "", "3 calls"]))
    report.write(doc, "head", report.head("2026-11-23 10:00 UTC", "nproc 2"))
    text = doc.read_text()
    assert text.startswith("<!-- head: written by bench.run -->\n# Doorstep benchmarks")
    assert text.count("# Doorstep benchmarks") == 1
    assert text.rstrip().endswith("3 calls\n<!-- /creation -->")
    assert "old engine figures" in text and "old map figures" in text


def test_a_run_cut_short_keeps_what_it_measured_and_what_it_did_not_reach(tmp_path, monkeypatch):
    doc = _doc(tmp_path)
    monkeypatch.setattr(run, "DOC", doc)

    def quick(progress):
        report.write(doc, "creation", report.section("creation", ["## 2. Report creation", "", "measured now"]))
        return False

    def killed(progress):
        raise KeyboardInterrupt  # Ctrl-C, or a timeout, in the middle of the second section

    monkeypatch.setattr(run, "SECTIONS", {"creation": quick, "map": killed, "engine": killed})
    try:
        run.main(["creation", "map", "engine"])
    except KeyboardInterrupt:
        pass
    text = doc.read_text()
    assert "measured now" in text
    assert "old map figures" in text and "old nearest figures" in text and "old engine figures" in text
    assert "cut short" in text  # the head says this run did not finish
    assert not list(tmp_path.glob("*.tmp"))



def test_the_postgis_comparison_reads_our_items_from_the_nearest_table_and_judges_each_k(tmp_path):
    from bench import nearest, postgis_nearest
    doc = tmp_path / "benchmarks.md"
    doc.write_text("| clustered | 1,000 | dense centre | 2 / 9 (67) | 8 / 29 (182) | 7 / 25 (144) | 12 / 46 (337) "
                   "| 16 / 82 (400) | 430 m |\n| not | the | nearest | table | at | all | a | b | c |\n")
    ours = postgis_nearest.ours_from_doc(doc)
    assert ours == {("clustered", 1000, "dense centre", k): n for k, n in zip(nearest.KS, (9, 29, 25, 46, 82))}

    def rows(buffers):
        return [{"layout": "clustered", "n": 1000, "place": "dense centre", "k": k, "clustered": c, "buffers": b}
                for k, b in zip(nearest.KS, buffers) for c in (False, True)]
    text, ok = postgis_nearest.section(rows((5, 16, 20, 30, 50)), ours)
    assert ok and "**PASS**" in text and "| 1 | 5-5 | 5-5 | 9-9 | 1.80 | 1 of 1 | 1.80 |" in text
    text, ok = postgis_nearest.section(rows((4, 16, 20, 30, 50)), ours)  # 9 items for 4 buffers at k = 1
    assert not ok and "**FAIL**" in text
