#!/usr/bin/env python3
"""The page in a real browser (issue 18): headless Chromium, driven by Selenium through Debian's
/usr/bin/chromedriver (never a downloaded driver), uploads sample departments through the page, waits for the
result, checks the findings shown against `check --json`, fetches a download link's workbook, and takes the
README's screenshot. Usage: browser_test.py --bin .build/debug/budgeteval [--screenshot docs/images/page-result.png]
Prints `N passed, N failed` last; exits 1 on any failure."""
import argparse, io, json, os, re, subprocess, sys, tempfile, time, urllib.request, zipfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "Samples"
SEED, COUNTY = "益阳市资阳区商务局", "某县农业农村局"


def sample_files(department):
    return sorted(str(p) for p in (SAMPLES / department).iterdir() if p.suffix in (".xlsx", ".csv"))


def start_server(binary):
    process = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/\S*)", line)
        if match:
            return process, match.group(1)
    process.kill()
    raise RuntimeError("the server printed no URL")


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2400",
                 "--lang=zh-CN"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def upload(driver, url, files=None, folder=None):
    driver.get(url)
    if folder:
        driver.find_element(By.ID, "pick-folder").send_keys(str(folder))
    else:
        driver.find_element(By.ID, "pick-files").send_keys("\n".join(files))
    driver.find_element(By.ID, "start").click()
    WebDriverWait(driver, 240).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "section.dept") or d.find_elements(By.CSS_SELECTOR, "#status .error"))
    assert not driver.find_elements(By.CSS_SELECTOR, "#status .error"), driver.find_element(By.ID, "status").text


def check_json(binary, files):
    out = subprocess.run([binary, "check", "--json", *files], capture_output=True, text=True)
    return json.loads(out.stdout)["findings"]


def section(driver, name):
    for s in driver.find_elements(By.CSS_SELECTOR, "section.dept"):
        if s.get_attribute("aria-label") == name:
            return s
    raise AssertionError(f"no section for {name}")


def shown_findings(dept_section):
    return [(li.get_attribute("data-severity"), li.get_attribute("data-rule"), li.find_element(By.CSS_SELECTOR, ".place").get_attribute("textContent"))
            for li in dept_section.find_elements(By.CSS_SELECTOR, "ol.findings li")]


def expect_findings(binary, driver, department, files):
    expected = check_json(binary, files)
    shown = shown_findings(section(driver, department))
    for f in expected:
        place = f["cells"][0] if f["cells"] else "—"
        assert (f["severity"], f["rule"], place) in shown, f"{department}: {f['rule']} at {place} not shown"
    # Every finding of check is shown, in check's order within its severity.
    for severity in ("error", "warning", "hint"):
        want = [(f["rule"], f["cells"][0] if f["cells"] else "—") for f in expected if f["severity"] == severity]
        got = [(r, p) for s, r, p in shown if s == severity and (r, p) in want]
        assert got[:len(want)] == want, f"{department}: {severity} order differs"


def download_workbook(dept_section, name="自评表.xlsx"):
    links = [a for a in dept_section.find_elements(By.CSS_SELECTOR, ".downloads a") if a.get_attribute("download") == name]
    assert links, f"no {name} link"
    data = urllib.request.urlopen(links[0].get_attribute("href"), timeout=30).read()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "xl/workbook.xml" in z.namelist()
    try:
        import openpyxl
        book = openpyxl.load_workbook(io.BytesIO(data))
        assert book.sheetnames[0] == "部门整体支出绩效自评表", book.sheetnames
    except ImportError:
        pass
    return data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    binary = str(Path(args.bin).resolve())
    passed = failed = 0
    process, url = start_server(binary)
    driver = browser()
    try:
        cases = [
            ("seed department, its files picked", [SEED], None),
            ("second department, its folder picked", [COUNTY], SAMPLES / COUNTY),
            ("a batch: the Samples folder of both departments picked", [SEED, COUNTY], SAMPLES),
        ]
        for name, departments, folder in cases:
            try:
                files = [f for d in departments for f in sample_files(d)]
                upload(driver, url, files=files, folder=folder)
                for d in departments:
                    expect_findings(binary, driver, d, sample_files(d))
                    download_workbook(section(driver, d))
                    # The grid preview of the first cited cell highlights it.
                    uploaded = {Path(f).name for f in sample_files(d)}
                    button = [li.find_element(By.CSS_SELECTOR, "button.preview-button")
                              for li in section(driver, d).find_elements(By.CSS_SELECTOR, "ol.findings li")
                              if li.find_elements(By.CSS_SELECTOR, "button.preview-button")
                              and li.find_element(By.CSS_SELECTOR, ".place").get_attribute("textContent").split(" › ")[0] in uploaded]
                    if button:
                        driver.execute_script("arguments[0].closest('details').open = true", button[0])
                        button[0].click()
                        WebDriverWait(driver, 30).until(lambda _: section(driver, d).find_elements(By.CSS_SELECTOR, ".preview td.hl"))
                if args.screenshot and departments == [SEED]:
                    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = d.open)")
                    height = driver.execute_script("return document.body.scrollHeight")
                    driver.set_window_size(1280, min(height + 40, 2200))
                    driver.save_screenshot(args.screenshot)
                print(f"PASS {name}")
                passed += 1
            except Exception as error:  # report and go on to the next case
                print(f"FAIL {name}: {error}")
                failed += 1
        # The page in English and errors in the CLI's words, never a status code.
        try:
            driver.get(url + ("&" if "?" in url else "?") + "lang=en")
            assert driver.find_element(By.ID, "start").text == "Check"
            driver.get(url + ("&" if "?" in url else "?") + "job=00000000000000000000000000000000")
            WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#status .error"))
            text = driver.find_element(By.CSS_SELECTOR, "#status .error").text
            assert not re.fullmatch(r"\s*\d{3}\s*", text) and len(text) > 4, text
            print("PASS English page and an unknown job's message")
            passed += 1
        except Exception as error:
            print(f"FAIL English page and an unknown job's message: {error}")
            failed += 1
    finally:
        driver.quit()
        process.terminate()
        process.wait(timeout=30)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
