// Shared set-up of the browser tests: headless Debian chromium through playwright-core, the
// server URL from run.sh, and screenshots into the artifacts directory.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import path from "node:path";

export const baseUrl = process.env.JIXIAO_URL;
export const samples = process.env.JIXIAO_SAMPLES;
export const artifacts = process.env.JIXIAO_ARTIFACTS;
if (!baseUrl || !samples || !artifacts) {
  throw new Error("run these tests through tests/e2e/run.sh (JIXIAO_URL, JIXIAO_SAMPLES, JIXIAO_ARTIFACTS)");
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.JIXIAO_CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// A page that fails the test on any script error or console error (CSP violations included).
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push("page error: " + e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) page.problems.push("console: " + m.text());
  });
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

export function api(pathAndQuery) {
  return fetch(new URL(pathAndQuery, baseUrl)).then((r) => r.json());
}

export function sample(name) {
  return readFileSync(path.join(samples, name));
}

// "1,234.56" text of a cell → the same string, whitespace trimmed.
export async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, " ").trim();
}
