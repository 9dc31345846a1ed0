"""`budgeteval crosscheck`: exit codes, compiler-style lines and the JSON shape, on the seed report."""
import json
import subprocess

FIXTURES = "Tests/ReportCheckTests/Fixtures"


def run(ctx, *args):
    return subprocess.run([ctx.bin, "crosscheck", *args], capture_output=True, text=True, cwd=ctx.root)


def test_seed_report_text_and_exit_code(ctx):
    r = run(ctx, f"{FIXTURES}/seed-report.txt")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("seed-report.txt:43（第 42 段）: 提示 [report.partsSum]"), lines[0]
    assert lines[1].startswith("seed-report.txt:71（第 69 段）: 警告 [report.sameLabel]"), lines[1]
    assert "核对无误 11 处" in lines[-1], lines[-1]


def test_seed_report_json(ctx):
    r = run(ctx, f"{FIXTURES}/seed-report.docx", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [(f["line"], f["severity"], f["rule"]) for f in out["findings"]] == [
        (43, "hint", "report.partsSum"), (71, "warning", "report.sameLabel")]
    for f in out["findings"]:
        assert list(f)[:6] == ["severity", "rule", "message", "cells", "expected", "found"], list(f)
        assert {"paragraph", "line", "sentence", "file", "section", "related"} <= set(f)
        assert isinstance(f["message"], str)
    assert any(c["statement"] == "198.87 = 130 + 40 + 28.87（万元）" for c in out["confirmed"])


def test_error_exit_code_3(ctx):
    text = (ctx.root / FIXTURES / "seed-report.txt").read_text(encoding="utf-8")
    path = ctx.tmp / "变体.txt"
    path.write_text(text.replace("经费拨款605.7万元", "经费拨款606.7万元"), encoding="utf-8")
    r = run(ctx, str(path))
    assert r.returncode == 3, (r.returncode, r.stdout)
    assert "错误 [report.partsSum]" in r.stdout


def test_unreadable_and_usage(ctx):
    assert run(ctx, str(ctx.tmp / "missing.txt")).returncode == 1
    bad = ctx.tmp / "报告.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    r = run(ctx, str(bad))
    assert r.returncode == 1 and "报告.docx" in r.stderr, r.stderr
    assert run(ctx).returncode == 64


def test_against_sample_tables(ctx):
    tables = sorted(str(p) for p in (ctx.root / "Samples" / "益阳市资阳区商务局").iterdir())
    r = run(ctx, f"{FIXTURES}/seed-report.txt", *tables, "--json")
    assert r.returncode == 0, (r.returncode, r.stderr)
    out = json.loads(r.stdout)
    assert not [f for f in out["findings"] if f["severity"] == "error"]
    assert any(c["rule"] == "report.table" and c["line"] == 71 and c["cells"] == ["2020年项目绩效.xlsx › 项目资金 › C11"]
               for c in out["confirmed"])

    text = (ctx.root / FIXTURES / "seed-report.txt").read_text(encoding="utf-8")
    path = ctx.tmp / "报告.txt"
    path.write_text(text.replace("本年收入合计944.59万元", "本年收入合计944.95万元"), encoding="utf-8")
    r = run(ctx, str(path), *tables, "--json")
    assert r.returncode == 3, (r.returncode, r.stderr)
    errors = [f for f in json.loads(r.stdout)["findings"] if f["severity"] == "error"]
    assert [(f["rule"], f["line"]) for f in errors] == [("report.table", 37)], errors
    assert errors[0]["cells"][0].startswith("2020年部门预算.xlsx › "), errors[0]
    assert (errors[0]["expected"], errors[0]["found"]) == ("944.59", "944.95"), errors[0]
