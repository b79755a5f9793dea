"""中文 / English: complete translations, a fresh .qm, and a live switch from the View menu."""

import importlib.util
import re
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDialogButtonBox, QGroupBox, QLabel, QTabWidget,
                               QWidget)

from playground.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_source_string_has_a_chinese_translation(tmp_path):
    script = _script()
    fresh = tmp_path / "fresh.ts"
    script.extract(fresh)  # every self.tr("...") of the code as it is now
    in_code = {(ctx, src) for ctx, src, _ in script.messages(fresh)}
    assert len(in_code) > 150  # the extraction really read the code
    committed = {(ctx, src): text for ctx, src, text in script.messages(script.TS)}
    missing = sorted(key for key in in_code if not committed.get(key))
    assert not missing, ("Strings without a Chinese translation (add them to resources/i18n/zh_CN.json, then run "
                         "python scripts/update_translations.py):\n" +
                         "\n".join(f"  [{ctx}] {src!r}" for ctx, src in missing))


def test_core_templates_are_extracted_under_context_core(tmp_path):
    """Core's user_text("...") templates reach the .ts (so the test above also covers them); f-strings stop it."""
    script = _script()
    templates = script.core_templates()
    assert "'{name}' does not exist." in templates and "Syntax error at column {column}: {detail}." in templates
    assert len(templates) == len(set(templates)) > 100
    fresh = tmp_path / "fresh.ts"
    script.extract(fresh)
    assert {src for ctx, src, _ in script.messages(fresh) if ctx == i18n.CORE_CONTEXT} == set(templates)
    (tmp_path / "bad.py").write_text('from playground.core.text import user_text\nx = 3\nuser_text(f"{x} items")\n')
    with pytest.raises(SystemExit, match=r"bad.py:3: user_text\(\) needs a string literal"):
        script.core_templates(tmp_path)


def test_translations_keep_their_placeholders():
    script = _script()
    bad = [(src, text) for _ctx, src, text in script.messages(script.TS)
           if text and sorted(re.findall(r"\{\w*\}", src)) != sorted(re.findall(r"\{\w*\}", text))]
    assert not bad, f"placeholders differ: {bad}"


def test_committed_ts_and_qm_are_not_stale(tmp_path):
    """The .ts is what the script builds from the code and zh_CN.json, and the .qm holds exactly the .ts."""
    script = _script()
    script.build(tmp_path)
    fresh = set(script.messages(tmp_path / script.TS.name))
    committed = set(script.messages(script.TS))
    assert fresh == committed, ("resources/i18n/playground_zh_CN.ts is stale: run python scripts/update_translations.py "
                                f"({len(fresh - committed)} new or changed, {len(committed - fresh)} gone)")
    translator = QTranslator()
    assert translator.load(str(script.QM))
    stale = [(ctx, src) for ctx, src, text in committed if text and translator.translate(ctx, src) != text]
    assert not stale, f"playground_zh_CN.qm is stale (run the script): {stale[:5]}"


@pytest.mark.parametrize("name, expected", [("zh_CN", "zh"), ("zh_TW", "zh"), ("zh_HK", "zh"), ("zh_SG", "zh"),
                                            ("en_US", "en"), ("de_DE", "en"), ("ja_JP", "en")])
def test_every_chinese_locale_chooses_chinese(name, expected):
    assert i18n.system_language(QLocale(name)) == expected


def _visible_texts(root: QWidget) -> list[str]:
    texts = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QComboBox):
            texts.extend(w.itemText(i) for i in range(w.count()))
        if w.toolTip():
            texts.append(w.toolTip())
    for view in root.findChildren(pg.PlotWidget):
        if view.isVisibleTo(root):
            item = view.getPlotItem()
            texts.append(item.titleLabel.text)
            texts.extend(item.getAxis(name).labelText for name in ("left", "bottom"))
    return [t for t in texts if t and t.strip()]


def _cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.Cancel)
    return box.button(QDialogButtonBox.Cancel).text()


def _chinese_share(texts: list[str]) -> float:
    return sum(1 for t in texts if CJK.search(t)) / max(1, len(texts))


def test_view_language_menu_switches_every_tab_live(qtbot, window, classroom_env):
    classroom = window.classroom
    tabs: QTabWidget = window.tabs
    before = {key: _visible_texts(lab) for key, lab in window.labs.items()}
    tab_titles = [tabs.tabText(i) for i in range(tabs.count())]
    menus = [a.text() for a in window.menuBar().actions()]
    assert all(_chinese_share(texts) < 0.05 for texts in before.values())

    classroom.language_actions["zh"].trigger()  # View → Language → 中文

    assert i18n.manager().language() == "zh"
    assert classroom.language_actions["zh"].isChecked()
    for key, lab in window.labs.items():
        after = _visible_texts(lab)
        assert after != before[key], f"tab {key!r} did not change"
        assert _chinese_share(after) > 0.4, f"tab {key!r} is mostly untranslated: {after[:20]}"
    new_titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert all(CJK.search(t) for t in new_titles) and new_titles != tab_titles
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "课程(&L)", "视图(&V)", "帮助(&H)"]
    assert menus != [a.text() for a in window.menuBar().actions()]
    curve = window.curve_lab
    assert curve.loss_plot.widget.getPlotItem().getAxis("bottom").labelText == "步数 (step)"
    assert "激活函数 (activation)" in _visible_texts(curve)  # technical terms keep their English name
    assert "学习率 (learning rate)" in _visible_texts(curve)
    # Qt's own strings follow too (standard dialog buttons).
    assert _cancel_text() == "取消"
    assert classroom_env.read_text().count("language=zh") == 1  # remembered
    assert window.teaching_menus.panel.language() == "zh"  # the Lessons panel follows

    classroom.language_actions["en"].trigger()
    assert {key: _visible_texts(lab) for key, lab in window.labs.items()} == before
    assert [tabs.tabText(i) for i in range(tabs.count())] == tab_titles
    assert _cancel_text() == "Cancel"


def test_first_start_follows_the_system_locale_then_the_saved_choice(qapp, classroom_env, monkeypatch):
    from playground.ui import classroom
    from playground.ui.settings import Settings

    monkeypatch.setattr(i18n, "system_language", lambda locale=None: "zh")
    classroom.startup()
    assert i18n.manager().language() == "zh"
    Settings().set_language("en")
    classroom.startup()
    assert i18n.manager().language() == "en"


def test_without_a_chinese_font_it_says_so_once_in_english(qtbot, window, classroom_env):
    manager = i18n.manager()
    manager.font_check = lambda: False
    manager._warned = False
    window.classroom.language_actions["zh"].trigger()
    assert manager.language() == "en"  # no boxes instead of text
    box = manager.font_warning
    assert box is not None and box.isVisible()
    assert "apt-get install fonts-noto-cjk" in box.text() and not CJK.search(box.windowTitle())
    assert window.classroom.language_actions["en"].isChecked()
    box.close()
    window.classroom.language_actions["zh"].trigger()
    assert not box.isVisible() and manager.font_warning is box  # once
