"""The Python binding over libsnaplint's C API.

Run from the repository root (ctest does this, with the library just built):
    SNAPLINT_LIBRARY=build/lib/libsnaplint.so PYTHONPATH=bindings/python \
        python3 -m unittest discover -s bindings/python/tests
"""

import dataclasses
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

import snaplint

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"

CLEAN = """{"graph": {
  "nodes": [{"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},
            {"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""}],
  "edges": [{"id": "e1", "from": "start", "to": "end"}]}}"""

# An unreachable node (error, line 4) and an unused tool (warning).
BROKEN = """{"graph": {
  "nodes": [{"id": "start", "name": "__start__", "type": "DefaultNode", "prompt": ""},
            {"id": "end", "name": "__end__", "type": "DefaultNode", "prompt": ""},
            {"id": "draft", "name": "draft", "type": "DefaultNode", "prompt": "Later."}],
  "edges": [{"id": "e1", "from": "start", "to": "end"}],
  "tools": [{"id": "crm", "name": "crm", "description": "CRM"}]}}"""


def rules(report):
    return [diagnostic.rule for diagnostic in report]


class VersionTest(unittest.TestCase):
    def test_the_version_is_the_projects(self):
        cmake = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
        version = re.search(r"project\(snaplint VERSION (\S+)", cmake).group(1)
        self.assertEqual(snaplint.__version__, version)


class LintTest(unittest.TestCase):
    def test_the_clean_example_passes(self):
        text = (EXAMPLES / "support_agent.json").read_text(encoding="utf-8")
        report = snaplint.lint(text, name="examples/support_agent.json")
        self.assertEqual(report.name, "examples/support_agent.json")
        self.assertEqual(report.errors, [])
        self.assertFalse(report.has_errors)
        self.assertFalse(report.fails)
        self.assertIsNone(report.failure)
        self.assertIn("No problems found", report.to_text())

    def test_the_broken_example_fails_with_the_readmes_finding(self):
        text = (EXAMPLES / "broken_agent.json").read_bytes()
        report = snaplint.lint(text, name="examples/broken_agent.json")
        self.assertTrue(report.has_errors)
        self.assertTrue(report.fails)
        self.assertGreater(len(report.errors), 0)
        self.assertTrue(all(d.severity is snaplint.Severity.ERROR for d in report.errors))
        self.assertTrue(all(d.severity == "warning" for d in report.warnings))
        self.assertEqual(len(report), len(report.errors) + len(report.warnings) + len(report.infos))
        refund = [d for d in report if d.rule == "dangling-edge" and "'refund'" in d.message]
        self.assertEqual(len(refund), 1)
        self.assertEqual(refund[0].help, "did you mean 'refunds'?")
        self.assertEqual((refund[0].line, refund[0].column), (143, 45))
        self.assertRegex(refund[0].pointer, r"^/graph/edges/\d+/to$")
        self.assertEqual((refund[0].entity_kind, refund[0].entity_id), ("edge", "e4"))
        self.assertIn(
            "examples/broken_agent.json:143:45: error: edge 'e4' targets unknown node 'refund'",
            report.to_text(),
        )

    def test_diagnostics_carry_every_field(self):
        report = snaplint.lint(BROKEN, name="agent.json")
        self.assertEqual(rules(report), ["unreachable-node", "unused-tool"])
        unreachable, unused = report.diagnostics
        self.assertIs(unreachable.severity, snaplint.Severity.ERROR)
        self.assertEqual(str(unreachable.severity), "error")
        self.assertIn("'draft'", unreachable.message)
        self.assertEqual(unreachable.pointer, "/graph/nodes/2")
        self.assertEqual((unreachable.line, unreachable.column), (4, 13))
        self.assertGreaterEqual(unreachable.end_line, unreachable.line)
        self.assertEqual(unreachable.entity_kind, "node")
        self.assertEqual(unreachable.entity_id, "draft")
        self.assertEqual(unreachable.entity_index, 2)
        self.assertEqual(unreachable.related, ())
        self.assertTrue(str(unreachable).startswith("4:13: error: node 'draft'"))
        self.assertTrue(str(unreachable).endswith("[unreachable-node]"))
        self.assertIs(unused.severity, snaplint.Severity.WARNING)
        self.assertEqual((unused.entity_kind, unused.entity_id), ("tool", "crm"))
        self.assertIn("'crm'", unused.help)
        self.assertEqual(report.errors, [unreachable])
        self.assertEqual(report.warnings, [unused])
        self.assertEqual(list(report), report.diagnostics)
        self.assertEqual(
            repr(report), "<snaplint.Report 'agent.json' errors=1 warnings=1 infos=0 fails=True>"
        )

    def test_diagnostics_are_frozen_values(self):
        first = snaplint.lint(BROKEN).diagnostics[0]
        with self.assertRaises(dataclasses.FrozenInstanceError):
            first.rule = "other"  # type: ignore[misc]
        self.assertEqual(first, snaplint.lint(BROKEN).diagnostics[0])
        self.assertEqual(hash(first), hash(snaplint.lint(BROKEN).diagnostics[0]))

    def test_related_locations(self):
        duplicate = CLEAN.replace(
            '"edges": [{"id": "e1", "from": "start", "to": "end"}]',
            '"edges": [{"id": "e1", "from": "start", "to": "end"},\n'
            '            {"id": "e1", "from": "start", "to": "end", "label": "x"}]',
        )
        report = snaplint.lint(duplicate)
        found = [d for d in report if d.rule == "duplicate-edge-id"]
        self.assertEqual(len(found), 1)
        (related,) = found[0].related
        self.assertEqual(related.pointer, "/graph/edges/0/id")
        self.assertEqual(related.line, 4)
        self.assertTrue(related.message)

    def test_the_json_report_is_snaplints(self):
        report = snaplint.lint(BROKEN, name="agent.json")
        document = json.loads(report.to_json())
        (file,) = document["files"]
        self.assertEqual(file["path"], "agent.json")
        self.assertEqual([d["rule"] for d in file["diagnostics"]], rules(report))
        self.assertIn("fingerprint", file["diagnostics"][0])

    def test_the_text_report_has_no_colours(self):
        text = snaplint.lint(BROKEN, name="agents/a.json").to_text()
        self.assertIn("agents/a.json:4:13: error: node 'draft' is not reachable", text)
        self.assertNotIn("\x1b[", text)


class BadInputTest(unittest.TestCase):
    def assert_only_invalid_json(self, report):
        self.assertEqual(rules(report), ["invalid-json"])
        self.assertTrue(report.fails)
        self.assertEqual(report.diagnostics[0].entity_kind, "graph")
        self.assertIsNone(report.diagnostics[0].entity_id)

    def test_invalid_json_is_a_finding(self):
        self.assert_only_invalid_json(snaplint.lint('{"graph": {"nodes": ['))
        self.assert_only_invalid_json(snaplint.lint(""))

    def test_bytes_that_are_not_utf8(self):
        self.assert_only_invalid_json(snaplint.lint(b'{"graph": "\xff\xfe"}'))
        self.assert_only_invalid_json(snaplint.lint(b"\xef\xbb\xbf" + CLEAN.encode()))  # a BOM

    def test_a_nul_byte_is_linted_not_a_terminator(self):
        self.assertEqual(rules(snaplint.lint(CLEAN.encode())), [])
        self.assert_only_invalid_json(snaplint.lint(CLEAN.encode() + b"\0 trailing"))
        self.assert_only_invalid_json(snaplint.lint(CLEAN + "\0"))

    def test_a_lone_surrogate_is_invalid_utf8_not_an_exception(self):
        self.assert_only_invalid_json(snaplint.lint('{"graph": "\udc80"}'))

    def test_bytes_and_str_give_the_same_report(self):
        self.assertEqual(
            snaplint.lint(BROKEN).diagnostics,
            snaplint.lint(bytearray(BROKEN.encode())).diagnostics,
        )

    def test_other_types_are_refused(self):
        with self.assertRaises(TypeError):
            snaplint.lint(42)  # type: ignore[arg-type]


class UnicodeTest(unittest.TestCase):
    def test_a_unicode_name(self):
        name = "agentes/ñandú 🦤.json"
        report = snaplint.lint(BROKEN, name=name)
        self.assertEqual(report.name, name)
        self.assertIn(name + ":4:13:", report.to_text())
        self.assertEqual(json.loads(report.to_json())["files"][0]["path"], name)
        self.assertEqual(snaplint.lint(BROKEN, name=pathlib.Path("a") / "b.json").name, "a/b.json")

    def test_columns_count_code_points(self):
        line = '  "edges": [{"id": "é→🦤", "from": "start", "to": "nowhere"}]}}'
        text = CLEAN.rsplit("\n", 1)[0] + "\n" + line
        (dangling,) = [d for d in snaplint.lint(text) if d.rule == "dangling-edge"]
        self.assertEqual(dangling.entity_id, "é→🦤")
        self.assertEqual(dangling.line, 4)
        self.assertEqual(dangling.column, line.index('"nowhere"') + 1)
        self.assertEqual(dangling.end_column, dangling.column + len('"nowhere"'))


class ConfigTest(unittest.TestCase):
    def test_an_invalid_config_raises_with_the_position(self):
        with self.assertRaises(snaplint.ConfigError) as raised:
            snaplint.Linter('{\n  "fail-on": "sometimes"\n}')
        self.assertTrue(str(raised.exception).startswith("<config>:2:14: "), raised.exception)
        self.assertIn("/fail-on", str(raised.exception))
        with self.assertRaisesRegex(snaplint.ConfigError, "did you mean 'unreachable-node'"):
            snaplint.Linter({"ignore": ["unreachable-nodes"]})
        with self.assertRaisesRegex(snaplint.ConfigError, "^<config>:1:"):
            snaplint.lint(CLEAN, config="{not json")
        with self.assertRaises(ValueError):  # ConfigError is a ValueError
            snaplint.Linter(b'{"fail-on": 3}')
        with self.assertRaises(TypeError):
            snaplint.Linter(3)  # type: ignore[arg-type]

    def test_a_config_dict_sets_rules_severities_and_policy(self):
        config = {"severity": {"unreachable-node": "warning"}, "ignore": ["tools"]}
        report = snaplint.lint(BROKEN, config=config)
        self.assertEqual(rules(report), ["unreachable-node"])
        self.assertIs(report.diagnostics[0].severity, snaplint.Severity.WARNING)
        self.assertFalse(report.fails)
        strict = snaplint.Linter({**config, "fail-on": "warning"})
        self.assertTrue(strict.lint(BROKEN).fails)
        self.assertFalse(strict.lint(CLEAN).fails)

    def test_overrides_match_the_name(self):
        linter = snaplint.Linter(
            '{"overrides": [{"files": ["drafts/**"], "severity": {"unreachable-node": "off"}}]}'
        )
        self.assertEqual(rules(linter.lint(BROKEN, name="drafts/a.json")), ["unused-tool"])
        self.assertEqual(
            rules(linter.lint(BROKEN, name="live/a.json")), ["unreachable-node", "unused-tool"]
        )


class LinterTest(unittest.TestCase):
    def test_a_linter_is_reused_and_closed(self):
        with snaplint.Linter() as linter:
            self.assertEqual(rules(linter.lint(CLEAN)), [])
            report = linter.lint(BROKEN, name="a.json")
        # The report is plain Python: it outlives the linter.
        self.assertEqual(rules(report), ["unreachable-node", "unused-tool"])
        with self.assertRaises(ValueError):
            linter.lint(CLEAN)
        linter.close()  # idempotent

    def test_one_linter_from_many_threads(self):
        linter = snaplint.Linter()
        expected = linter.lint(BROKEN).diagnostics
        results = []

        def work():
            for _ in range(5):
                results.append(linter.lint(BROKEN).diagnostics == expected)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(results, [True] * 20)


class LoadingTest(unittest.TestCase):
    """How the module finds libsnaplint, tried in a fresh interpreter each time."""

    def run_python(self, pythonpath, library=None):
        env = {k: v for k, v in os.environ.items() if k != "SNAPLINT_LIBRARY"}
        env["PYTHONPATH"] = str(pythonpath)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        if library is not None:
            env["SNAPLINT_LIBRARY"] = library
        return subprocess.run(
            [sys.executable, "-c", "import snaplint; print(snaplint.__version__)"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    def test_a_missing_library_named_by_the_variable_fails_the_import(self):
        package_root = pathlib.Path(snaplint.__file__).resolve().parents[1]
        result = self.run_python(package_root, library="/nonexistent/libsnaplint.so")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("/nonexistent/libsnaplint.so", result.stderr)

    @unittest.skipUnless(os.environ.get("SNAPLINT_LIBRARY"), "needs SNAPLINT_LIBRARY")
    def test_the_library_next_to_the_package(self):
        with tempfile.TemporaryDirectory() as directory:
            package = pathlib.Path(directory) / "snaplint"
            shutil.copytree(pathlib.Path(snaplint.__file__).parent, package)
            shutil.copy(os.environ["SNAPLINT_LIBRARY"], package / "libsnaplint.so")
            result = self.run_python(directory)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stdout.strip(), snaplint.__version__)


if __name__ == "__main__":
    unittest.main()
