"""docs/benchmarks.md from the measurements."""
from .mapcost import ITEMS_PER_FEATURE


def table(headers, rows):
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def verdict(ok):
    return "**PASS**" if ok else "**FAIL**"


def _ratio(row):
    return f"{row['ratio']:.2f}" if row["ratio"] is not None else "–"


def _allowed(row):
    from chalicelib.handlers.reports.map import READ_SLACK
    return int(ITEMS_PER_FEATURE * row["features"] + READ_SLACK)


def map_rows(rows):
    out = []
    for r in rows:
        c = r["case"]
        out.append([c.name, c.place, f"p{r['precision']} × {r['cells']} → {r['ranges']}",
                    r["queries"], r["items"], r["features"], r["answer"], _ratio(r), r["outside"],
                    f"{r['area_ratio']:.1f}×", "yes" if r["truncated"] else "no",
                    f"{r['items']}/{_allowed(r)}",
                    "–" if r["nearest"] is None else r["nearest"],
                    verdict(r["target_ok"])])
    return out


MAP_HEADERS = ["View", "Place", "Cover (precision × cells → ranges)", "Queries", "Items read",
               "Features", "In view (full answer)", "Items/feature", "Cell overhead (read outside bbox)",
               "Cover area / bbox", "Truncated", "Items / allowed",
               "In view, not shown, nearer the centre than a pin shown", "Target"]


def scaling_rows(runs):
    small, large = sorted(runs)
    out = []
    for a, b in zip(runs[small], runs[large]):
        grew = b["items"] / a["items"] if a["items"] else None
        out.append([a["case"].name, a["case"].place, f"{a['features']} → {b['features']}",
                    f"{a['items']} → {b['items']}", f"{grew:.2f}×" if grew else "–",
                    f"{_ratio(a)} → {_ratio(b)}", f"{small:,} → {large:,}",
                    f"{100 * b['items'] / large:.2f}%"])
    return out


CAP = 500  # the default DOORSTEP_MAP_FEATURE_CAP the bench runs with


def scaling_check(runs):
    """Reads must not grow with N: a capped view reads at most 1.5 x cap +
    READ_SLACK items at every table size (what it reads below that follows the
    density of pins at the view's edges, not the table)."""
    from chalicelib.handlers.reports.map import READ_SLACK
    small, large = sorted(runs)
    capped = [(a, b) for a, b in zip(runs[small], runs[large])
              if a["truncated"] and b["truncated"] and a["case"].in_target]
    bound = CAP + CAP // 2 + READ_SLACK
    ok = bool(capped) and all(r["items"] <= bound for n in runs for r in runs[n] if r["case"].in_target)
    return ok, capped


def checks(rows):
    """Meter sanity checks and what truncated views spend outside the bbox."""
    complete = [r for r in rows if not r["truncated"]]
    exact = sum(1 for r in complete if r["items"] == r["cover_read"])
    ops = sorted({op for r in rows for op in r["ops"]})
    out = [f"Checks: every map request made only {', '.join(ops)} calls; in {exact} of "
           f"{len(complete)} untruncated views the items read equal the ground truth (every pin "
           "of the right bucket stored in the cover cells), so the meter counts what the "
           "geo index holds.", ""]
    tiny = [r for r in rows if r["case"].in_target and r["tiny"] >= 10]
    out += ["Query counts: the city-wide view issues one Query per range per fill round:", ""] if tiny else []
    out += [f"- {r['case'].name} ({r['case'].place}, N={r['n']:,}): {r['tiny']} of {r['queries']} "
            "Queries asked for only 1 or 2 items (later rounds of `read_capped` share a small "
            "leftover budget between many pending ranges)." for r in tiny]
    out += [""] if tiny else []
    truncated = [r for r in rows if r["truncated"] and r["nearest"] is not None]
    if truncated:
        exact = sum(1 for r in truncated if r["nearest"] == 0)
        out += [f"Truncated answers hold the pins nearest the view's centre: in {exact} of {len(truncated)} "
                "truncated views no pin left out is nearer the centre than one shown. Where one is, "
                "the 1.5 × cap read ceiling stopped the read before the nearest were proven, and the "
                "answer is the nearest of those read.", ""]
    wasted = [r for r in rows if r["truncated"] and r["case"].in_target and r["items"]
              and r["outside"] / r["items"] > 0.2]
    if wasted:
        out += ["Truncated views that read more than a fifth of their items outside the bbox:", ""]
        out += [f"- {r['case'].name} ({r['case'].place}, N={r['n']:,}): {r['items']} items read, "
                f"{r['outside']} ({100 * r['outside'] / r['items']:.0f}%) outside the bbox; "
                f"{r['features']} features returned of {r['answer']:,} in view." for r in wasted]
        out.append("")
    return out


MARKERS = {name: (f"<!-- {name}: written by bench.run -->", f"<!-- /{name} -->")
           for name in ("head", "imports", "creation", "map")}


def section(name, lines):
    begin, end = MARKERS[name]
    return "\n".join([begin, *lines, end])


def head(date, machine, elapsed=None, ran=()):
    took = f" It took {elapsed:.0f} s and measured: {', '.join(ran)}." if elapsed is not None else \
        " It is still running, or was cut short: a section it has not rewritten is as an earlier run left it."
    return section("head", [
        "# Doorstep benchmarks", "",
        f"Written by `make bench` (`python -m bench.run`; `python -m bench.run SECTION...` reruns some "
        f"of them). Each section is rewritten as soon as it is measured and says when it was; a run cut "
        f"short keeps every section it did not reach. Last run started {date}.{took}", "",
        f"Machine: {machine}.", "",
        "> **moto note.** DynamoDB is moto's `mock_aws`, in-process: no AWS, no network. Seconds "
        "here are not AWS latency (moto sorts its whole in-memory table on every Query, so its "
        "time grows with N even where DynamoDB's would not). What carries over to AWS is the count "
        "of calls, Queries and items read, taken from `chalicelib.storage.metering` at PynamoDB's "
        "single call site, the same meter behind the `Server-Timing` header. To keep 100k "
        "reports within minutes, map queries run under `bench/motofast.py`, which speeds up "
        "moto's sorting and size checks without changing what it answers "
        "(`python -m bench.run --check-moto` compares every map case with and without it)."])


def map_section(m):
    runs, http = m["map"], m["http"]
    sizes = sorted(runs)
    target_rows = [r for n in sizes for r in runs[n] if r["case"].in_target]
    extra_rows = [r for n in sizes for r in runs[n] if not r["case"].in_target]
    map_ok = all(r["target_ok"] for r in target_rows)
    filters_ok = all(r["target_ok"] for r in extra_rows)
    worst = max(target_rows, key=lambda r: r["items"] / max(_allowed(r), 1))
    scale_ok, capped = scaling_check(runs)
    L = ["## 1. Map cost", "",
         table(["Target", "Measured", "Verdict"], [
             [f"Map: items read ≤ {ITEMS_PER_FEATURE} × features returned + {_allowed({'features': 0})}, every "
              "viewport at every N", f"{len(target_rows)} views; tightest: {worst['case'].name} "
              f"({worst['case'].place}, N={worst['n']:,}): {worst['items']} items for "
              f"{worst['features']} features (allowed {_allowed(worst)})", verdict(map_ok)],
             ["Map: items read do not grow with the table: every view reads at most 1.5 × cap + "
              f"{_allowed({'features': 0})} ({CAP + CAP // 2 + _allowed({'features': 0})} items) at {sizes[0]:,} "
              f"and {sizes[1]:,} reports, where a scan reads N", "; ".join(
                  f"{a['case'].name} {a['case'].place}: {a['items']} → {b['items']} items "
                  f"(scan: {a['n']:,} → {b['n']:,})" for a, b in capped) or "no view capped at both N",
              verdict(scale_ok)],
             ["Map with a filter (status=all, a category): the same bound", f"{len(extra_rows)} views",
              verdict(filters_ok)],
         ]), "", m["data_note"], "",
         "Queries go through the real handler, `chalicelib.handlers.reports.map.map_reports(deps, "
         "{\"bbox\": ...})`, default filter (open reports), cap 500. *Items read* is the meter's "
         "count (ScannedCount of every Query); *cell overhead* is the number of those items whose "
         "point lies outside the bbox (read only because a cover cell straddles the edge); "
         "*in view* is the ground truth, the open pins inside the bbox; *allowed* is "
         f"{ITEMS_PER_FEATURE} × features + {_allowed({'features': 0})} (`map.READ_SLACK`). The cover is the "
         "finest with at most 512 cells (`geo/map_plan.py`), its runs joined across the smallest "
         "gaps down to 12 key ranges per partition kind, read nearest the view's centre first. "
         "*Before* (the coarse cover, its ranges read in fair shares up to 2 × cap): the dense street "
         "view (N=100,000) read 1,000 items, 543 outside the view, and returned 457 of its 578 pins. "
         "The category list is cached before "
         "measuring (a process's first request reads the ~14 categories once).", ""]
    for n in sizes:
        L += [f"### N = {n:,} reports (a table scan would read {n:,} items)", "",
              table(MAP_HEADERS, map_rows([r for r in runs[n] if r["case"].in_target])), ""]
    L += checks(target_rows + extra_rows)
    L += ["### Does the read grow with the table?", "",
          table(["View", "Place", "Features", "Items read", "Items growth", "Items/feature",
                 "Table (scan reads)", "Items as % of a scan"], scaling_rows(
              {n: [r for r in runs[n] if r["case"].in_target] for n in sizes})), "",
          "Items read follow the size of the answer (density × viewport), not N: uncapped views "
          "read what lies in their cover cells; capped views read at most 1.5 × cap + 32 (782) items "
          "at either size, more of them at the view's edges as the city gets denser, while a scan "
          "would read the whole table.", "",
          "### Filters", "",
          "`status=all` reads the open and the closed partitions of each cover cell; `service_code` "
          "reads the category's own map index (one partition per category and cell), so a rare "
          "category reads about its own pins, not every pin in view; `since` is applied after the read.", "",
          table(["N"] + MAP_HEADERS, [[f"{r['n']:,}"] + row for r, row in zip(extra_rows, map_rows(extra_rows))]), "",
          "### Duplicate suggestions (`GET /v1/reports/nearby`, informational)", "",
          "`nearby.nearby` at the city centre reads rings of precision-7 cells outwards from the "
          "point and stops once the 20th nearest is proven nearer than anything unread, or the "
          "radius is covered (at most 1,000 items). A category filter is applied after the read, "
          "so a rare category in a busy centre reads the rings the radius needs.", "",
          table(["N", "service_code", "Radius", "Queries", "Items read", "Open pins within radius",
                 "Features returned"],
                [[f"{r['n']:,}", r["code"], f"{r['radius']} m", r["queries"], r["items"], r["within"],
                  r["features"]] for r in m["nearby"]]), "",
          f"HTTP cross-check (Chalice test client, `GET /v1/reports?bbox=<city-wide>`, N={http['n']:,}): "
          f"status {http['status']}, `Server-Timing: {http['timing']}`, {http['features']} features; "
          f"the handler-level meter read {http['handler_items']} items in {http['handler_queries']} queries."]
    return section("map", L), {"map": map_ok, "scale": scale_ok, "filters": filters_ok}


def creation_section(creation):
    def ops(r):
        return ", ".join(f"{op} ({table_})" if table_ else op for op, table_ in zip(r["operations"], r["tables"]))
    L = ["## 2. Report creation", "",
         "`create_report(deps, body)` without photos (pothole at York Minster), metered; no stated "
         "target. The tables are fresh (no wards or due-date rules stored), so the Queries that look "
         "them up read nothing; due-date rules are cached after a process's first creation.", "",
         table(["Request", "DynamoDB calls", "Operations (table)", "Items written", "Items read", "Created"],
               [[r["label"], r["calls"], ops(r), r["writes"], r["items"],
                 "yes" if r["created"] else "no (replayed" + (", same report)" if r.get("same_report") else ")")]
                for r in creation]), "",
         "Items written counts each item of the TransactWriteItems: the report, its timeline entry, "
         "its event row, the staff inbox's rows (one per partition it is listed under and per word of "
         "its description), and the idempotency record when a key is sent."]
    return section("creation", L)


def imports_section(imports, jwt=True):
    app, bare = imports["app"], imports["bare"]
    import_ratio = app["median"] / bare["median"]
    import_ok = import_ratio <= 1.3
    L = ["## 3. Cold import", "",
         f"Median of {app['runs']} fresh `python -c` runs each (interleaved, after one discarded "
         "warm-up), cwd = project root, test environment; each child times its own imports with "
         "`time.perf_counter()` (interpreter start-up excluded).", "",
         table(["Imports", "Median", "Min", "Max", "Modules loaded", "Heavy packages loaded"],
               [[" + ".join(f"`{x}`" for x in v["modules"]), f"{v['median'] * 1000:.0f} ms",
                 f"{v['min'] * 1000:.0f} ms", f"{v['max'] * 1000:.0f} ms", v["loaded"],
                 ", ".join(v["heavy"]) or "none"] for v in imports.values()]), "",
         f"Target: `import app` ≤ 1.3 × the bare stack. Ratio **{import_ratio:.2f}×**: {verdict(import_ok)}.", ""]
    if not jwt:
        L += ["PyJWT is not installed in this virtualenv (it is a later dependency), so the bare "
              "stack is `chalice.app`, `botocore.session` and `pynamodb.models` without `jwt`.", ""]
    L += ["The last row is informational: the modules a first map or report request imports "
          "lazily inside the handlers, so a cold Lambda pays them on its first request."]
    return section("imports", L), import_ok


def write(path, name, text):
    """Rewrite one section of docs/benchmarks.md as soon as it is measured."""
    replace_section(path, *MARKERS[name], text)


def stamped(text, when=None):
    """The section with the time it was measured under its heading, so a
    section a cut-short run kept from an earlier one says how old it is."""
    from datetime import datetime, timezone
    when = when or datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("## ")), None)
    if at is None:
        return text
    return "\n".join(lines[:at + 1] + ["", f"_Measured {when}._"] + lines[at + 1:])


def replace_section(path, begin, end, text):
    """Put `text` (which starts with `begin` and ends with `end`) in place of
    the section between those markers in docs/benchmarks.md, where it stands,
    or append it; every other section is kept as it was, so a benchmark run
    alone, or a run cut short, loses nothing it did not measure again. The
    head section (the title) always goes first."""
    text = stamped(text).rstrip("\n")
    old = path.read_text() if path.exists() else ""
    if begin in old and end in old:
        before, rest = old.split(begin, 1)
        new = before + text + rest.split(end, 1)[1]
    elif begin == MARKERS["head"][0]:
        new = text + "\n\n" + _without_title(old).lstrip("\n")
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(new.lstrip("\n"))
    tmp.replace(path)  # a run killed mid-write leaves the old file, never half of one


def _without_title(text):
    return text[len("# Doorstep benchmarks"):] if text.startswith("# Doorstep benchmarks") else text
