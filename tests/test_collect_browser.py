"""A real browser (headless Chromium from the system packages, driven by Selenium) casts a ballot at phone width."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from collect_helpers import served
from selfcheck.compare.gap import SUBJECT_COMMENT
from selfcheck.records import storage

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="needs chromium and chromedriver from the system packages (apt-get install chromium chromium-driver); "
    ".ci/run installs them",
)


def _chromium(phone: bool) -> Any:
    """Headless Chromium: 360 CSS pixels wide like a small phone, or a 1280-pixel desktop window."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(arg)
    if phone:  # a phone's viewport: Chromium's own windows do not get narrower than about 500 pixels
        metrics = {"width": 360, "height": 780, "pixelRatio": 2.0}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
    else:
        options.add_argument("--window-size=1280,800")
    return webdriver.Chrome(service=Service(str(DRIVER)), options=options)


@pytest.fixture
def browser() -> Iterator[Any]:
    """A phone-sized browser."""
    driver = _chromium(phone=True)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def desktop() -> Iterator[Any]:
    """A desktop-sized browser."""
    driver = _chromium(phone=False)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def _submit(driver: Any, css: str) -> None:
    """Click a form's button and wait until the next page has replaced this one."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()

    def replaced(_driver: Any) -> bool:
        # Asking a node of the old page fails once the new page is in. ChromeDriver says so as a stale element, or,
        # when the navigation lands mid-question, as "Node ... does not belong to the document": both mean gone.
        try:
            old.is_enabled()
        except WebDriverException:
            return True
        return False

    WebDriverWait(driver, 10).until(replaced)


def _shot(driver: Any, name: str) -> None:
    """Keep a screenshot when SELFCHECK_SHOTS names a folder (for looking at the page by eye)."""
    folder = os.environ.get("SELFCHECK_SHOTS")
    if folder:
        driver.save_screenshot(str(Path(folder) / name))


def test_a_phone_casts_a_ballot_once(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    hostile = "<b>王五</b>"
    with served(tmp_path, ["张三", "李四", hostile], ballots=2) as box:
        code = box.codes[0]
        browser.get(box.url)
        assert "民主测评表" in browser.title
        browser.find_element(By.NAME, "c").send_keys(code.upper())  # typed from the slip, in capitals
        _submit(browser, "button")
        assert browser.execute_script("return window.innerWidth") == 360
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 360  # no sideways scroll
        rows = browser.find_elements(By.CSS_SELECTOR, "tbody tr")
        assert [r.find_element(By.TAG_NAME, "th").text for r in rows] == ["张三", "李四", hostile]
        _shot(browser, "ballot-360.png")
        Select(browser.find_element(By.NAME, "m-0-sixiang")).select_by_visible_text("好")
        Select(browser.find_element(By.NAME, "m-0-gongzuo")).select_by_visible_text("较好")
        Select(browser.find_element(By.NAME, "m-0-_grade")).select_by_visible_text("优秀")
        Select(browser.find_element(By.NAME, "m-2-shenghuo")).select_by_visible_text("差")
        situations = browser.find_elements(By.CSS_SELECTOR, "tbody tr")[2].find_element(By.TAG_NAME, "details")
        situations.find_element(By.TAG_NAME, "summary").click()
        situations.find_element(By.CSS_SELECTOR, "input[value=no-dues]").click()
        _shot(browser, "ballot-360-filled.png")
        browser.find_element(By.NAME, "c-2").send_keys("<script>alert(1)</script>多听群众意见")
        _submit(browser, "form[method=post] button")
        assert "已提交" in browser.find_element(By.TAG_NAME, "h1").text
        # The same code a second time, through the slip's link.
        browser.get(f"{box.url}b?c={code}")
        assert "已经用过" in browser.find_element(By.TAG_NAME, "main").text
        # A form whose token was tampered with (as a forged page would send) is refused, and its code stays open.
        browser.get(f"{box.url}b?c={box.codes[1]}")
        browser.execute_script("document.querySelector('input[name=csrf]').value = 'forged'")
        _submit(browser, "form[method=post] button")
        assert "校验不符" in browser.find_element(By.TAG_NAME, "main").text
        assert box.box.accepted == 1
        browser.get(f"{box.url}b?c={box.codes[1]}")
        assert browser.find_elements(By.CSS_SELECTOR, "form[method=post] button")
    reports = {r.respondent.subject: r for r in map(storage.read_report, storage.list_reports(tmp_path))}
    assert set(reports) == {"张三", hostile}  # 李四 was left at 不了解 throughout: no rating of them
    zhang = reports["张三"].questionnaires["zuofeng"]
    assert zhang.ratings == {"sixiang": 4, "gongzuo": 3}
    assert (zhang.grade, zhang.disqualifiers) == ("优秀", [])
    assert reports[hostile].questionnaires["zuofeng"].disqualifiers == ["no-dues"]
    assert reports[hostile].questionnaires["zuofeng"].comments == {
        SUBJECT_COMMENT: "<script>alert(1)</script>多听群众意见"
    }
    assert all(r.respondent.role == "peer" and r.respondent.name is None for r in reports.values())


def test_the_desktop_page_is_a_table_like_the_paper_sheet(desktop: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser = desktop
    with served(tmp_path, ["张三", "李四", "王五"], ballots=1) as box:
        browser.get(f"{box.url}b?c={box.codes[0]}")
        head = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "thead th")]
        assert head == ["被测评人", "思想作风", "工作作风", "生活作风", "总体评价", "反向情形", "意见建议（可选）"]
        first = browser.find_element(By.CSS_SELECTOR, "tbody tr")
        assert (
            first.find_element(By.TAG_NAME, "th").location["y"] == first.find_element(By.TAG_NAME, "td").location["y"]
        )
        _shot(browser, "ballot-1280.png")
        browser.get(f"{box.url}b?c={box.codes[0]}&lang=en")
        assert browser.find_element(By.TAG_NAME, "h1").text.endswith("Rating form")
        _shot(browser, "ballot-1280-en.png")
