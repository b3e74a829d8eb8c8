// What a person sees in the browser, checked against the source documents. Expected values were
// read by hand from testdata/samples/*.txt (line numbers in comments).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, newPage, screenshot, api, sample, text, baseUrl } from "./browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The stored ids of the samples' documents and projects (ids are the database's to choose).
async function documentId(source) {
  const { documents } = await api("/api/documents");
  const doc = documents.find((d) => d.source === source);
  assert.ok(doc, `${source} is ingested`);
  return doc.id;
}
async function projectId(source, name) {
  const view = await api(`/api/documents/${await documentId(source)}`);
  const p = view.projects.find((x) => x.name === name);
  assert.ok(p, `${name} in ${source}`);
  return p.id;
}

test("overview: totals per year, duplicates counted once, documents listed", async () => {
  const page = await newPage(browser);
  await page.goto(new URL("/?year=2024", baseUrl).href);
  await page.waitForSelector("[data-test=kpi-total]");
  // gov-office 2024: the 14 forms (lines 155 … 3217) add up to 67,491,000.00 元 = 6,749.10 万元,
  // as its header claims; the big-data center's 4 projects are among them and count once.
  assert.match(await text(page.locator("[data-test=kpi-total]")), /^6,749\.10 ?万元$/);
  assert.match(await text(page.locator("[data-test=kpi-projects]")), /^14 ?个$/);
  const rows = page.locator("[data-test=documents] tbody tr");
  assert.equal(await rows.count(), 2);
  await page.waitForSelector("svg.chart");
  await screenshot(page, "overview-2024");

  await page.locator(".chip", { hasText: "2023 年" }).click();
  await page.waitForFunction(() => document.querySelector("h1")?.textContent.includes("2023"));
  // sci-tech 2023: 165,700 + 350,000 + 151,225,380.0 + 9,677,800 (lines 156, 448, 810, 1269)
  // = 161,418,880.00 元 = 16,141.89 万元 (16,141.888 rounded).
  assert.match(await text(page.locator("[data-test=kpi-total]")), /^16,141\.89 ?万元$/);
  assert.match(await text(page.locator("[data-test=kpi-projects]")), /^4 ?个$/);
  await screenshot(page, "overview-2023");
  assert.deepEqual(page.problems, []);
});

test("declaration: header claims next to what the forms add up to", async () => {
  const page = await newPage(browser);
  const id = await documentId("songjiang-sci-tech-service-center-2023.txt");
  await page.goto(new URL(`/documents/${id}`, baseUrl).href);
  await page.waitForSelector("[data-test=claims]");
  const claims = page.locator("[data-test=claims] tbody tr");
  // Line 7: "编报绩效目标的项目 4 个，涉及项目预算资金 2021.05 万元"; the forms sum to 16,141.89 万元.
  assert.match(await text(claims.nth(0)), /^编报绩效目标的项目数 4 4 一致$/);
  assert.match(await text(claims.nth(1)), /^涉及项目预算资金（万元） 2,021.05 16,141.89 不一致$/);
  const projects = page.locator("[data-test=projects] tbody tr");
  assert.equal(await projects.count(), 4);
  assert.match(await text(projects.nth(0)), /市民服务.*165,700\.00 16\.57/);
  await screenshot(page, "declaration-sci-tech-2023");
  assert.deepEqual(page.problems, []);
});

test("project: the form as printed, indicator table with merged cells, findings beside fields", async () => {
  const page = await newPage(browser);
  const id = await projectId("songjiang-bigdata-center-2024.txt", "门户网站管理");
  const view = await api(`/api/projects/${id}`);
  await page.goto(new URL(`/projects/${id}`, baseUrl).href);
  await page.waitForSelector("[data-test=form]");
  const form = page.locator("[data-test=form]");
  // Lines 111-117 of the big-data center's document.
  assert.equal(await text(page.locator("[data-test=form-name]")), "门户网站管理");
  const formText = await text(form);
  for (const expected of ["其他经常性项目", "其他运转类", "上海市松江区人民政府办公室", "上海市松江区大数据中心",
    "2024-01-01", "2024-12-31", "526,000.00", "（2024年度）"]) {
    assert.ok(formText.includes(expected), `form shows ${expected}`);
  }
  // Indicator rows, lines 121-127: seven rows; 产出指标 spans four, 数量指标 two.
  const indicators = form.locator("tr[data-test=indicator]");
  assert.equal(await indicators.count(), 7);
  assert.equal(await form.locator("td.l1", { hasText: "产出指标" }).getAttribute("rowspan"), "4");
  assert.equal(await form.locator("td.l2", { hasText: "数量指标" }).getAttribute("rowspan"), "2");
  assert.match(await text(indicators.nth(1)), /门户网站测评数 ≥42\.00\(家\)/);
  assert.match(await text(indicators.nth(6)), /民众满意度 ≥90\.00\(%\)/);
  assert.match(await text(indicators.nth(3)), /综合业务工作人员素质 达标/);
  // Every finding the API reports is on the page, with its message.
  const cards = page.locator(".finding");
  assert.equal(await cards.count(), view.findings.length);
  for (const f of view.findings) {
    assert.ok((await text(page.locator("main"))).includes(f.message), `finding shown: ${f.message}`);
  }
  await screenshot(page, "project-portal-2024");
  assert.deepEqual(page.problems, []);
});

test("project with findings: each finding sits in the row of its field, with evidence", async (t) => {
  const page = await newPage(browser);
  // Find a project whose findings concern form fields, so placement can be checked.
  const { documents } = await api("/api/documents");
  let chosen = null;
  for (const d of documents) {
    const view = await api(`/api/documents/${d.id}`);
    for (const p of view.projects) {
      const pv = await api(`/api/projects/${p.id}`);
      if (pv.findings.some((f) => f.field && f.field.startsWith("funds_yuan"))) { chosen = pv; break; }
      if (!chosen && pv.findings.length) chosen = pv;
    }
    if (chosen && chosen.findings.some((f) => f.field && f.field.startsWith("funds_yuan"))) break;
  }
  if (!chosen) {
    t.skip("no project has findings yet");
    return;
  }
  await page.goto(new URL(`/projects/${chosen.info.id}`, baseUrl).href);
  await page.waitForSelector(".finding");
  for (const f of chosen.findings) {
    const card = page.locator(`.finding[data-rule="${f.rule}"]`).first();
    assert.ok(await card.isVisible(), `card for ${f.rule}`);
    for (const e of f.evidence) {
      assert.ok((await text(card)).includes(e.value), `${f.rule} shows evidence ${e.label} ${e.value}`);
    }
    if (f.field && f.field.startsWith("funds_yuan")) {
      // The card is in the notes cell of a row of the funds block of the form.
      const row = card.locator("xpath=ancestor::tr[1]");
      assert.match(await text(row), /资金/, `${f.rule} beside the funds`);
    }
  }
  await screenshot(page, "project-with-findings");
  assert.deepEqual(page.problems, []);
});

test("search: 1-, 2- and 4-character queries with highlighted snippets", async () => {
  const page = await newPage(browser);
  await page.goto(baseUrl);
  await page.fill("#quicksearch input", "门户网站");
  await page.press("#quicksearch input", "Enter");
  await page.waitForSelector("[data-test=hit]");
  const first = page.locator("[data-test=hit]").first();
  assert.match(await text(first.locator(".title")), /门户网站/);
  assert.ok(await page.locator("[data-test=hit] mark").count() > 0);
  assert.equal(await text(page.locator("[data-test=hit] mark").first()), "门户网站");
  await screenshot(page, "search");
  for (const q of ["网", "网站"]) {
    await page.goto(new URL(`/search?q=${encodeURIComponent(q)}`, baseUrl).href);
    await page.waitForSelector("[data-test=hit]");
    assert.ok(await page.locator("[data-test=hit] mark").count() > 0, `highlight for ${q}`);
  }
  assert.deepEqual(page.problems, []);
});

test("history: one project across years, differences highlighted", async () => {
  // A later year of the big-data center's declaration, uploaded through the API: the sample with
  // its year moved to 2025 and the 门户网站管理 form's amounts (lines 114-115: 526,000.00) raised
  // to 560,000.00.
  const later = sample("songjiang-bigdata-center-2024.txt").toString("utf8")
    .replaceAll("2024", "2025").replaceAll("526,000.00", "560,000.00");
  const body = new FormData();
  body.append("file", new Blob([later], { type: "text/plain" }), "songjiang-bigdata-center-2025.txt");
  const uploaded = await fetch(new URL("/api/upload", baseUrl), { method: "POST", body });
  assert.equal(uploaded.status, 201, await uploaded.text());

  const page = await newPage(browser);
  await page.goto(new URL("/history?q=" + encodeURIComponent("门户网站管理"), baseUrl).href);
  await page.waitForSelector("[data-test=history-chain]");
  const chain = page.locator("[data-test=history-chain]").first();
  const heads = await chain.locator("thead th.year").allInnerTexts();
  assert.ok(heads.some((t) => t.includes("2024")), heads.join(","));
  assert.ok(heads.some((t) => t.includes("2025")), heads.join(","));
  const totalRow = chain.locator("tr", { hasText: "项目资金总额" }).first();
  assert.match(await text(totalRow), /526,000\.00.*560,000\.00/);
  assert.equal(await totalRow.locator("td.diff").count(), 1);
  assert.ok(await chain.locator("tr.changed").count() >= 1);
  // The unchanged category row is not highlighted.
  const categoryRow = chain.locator("tr", { hasText: "项目类别" }).first();
  assert.equal(await categoryRow.locator("td.diff").count(), 0);
  await screenshot(page, "history");
  assert.deepEqual(page.problems, []);
});

test("upload: a document is read, reviewed and its findings shown at once; bad files get a message", async () => {
  const page = await newPage(browser);
  await page.goto(new URL("/upload", baseUrl).href);
  // A wrong file type: a PNG named like a PDF.
  await page.setInputFiles("[data-test=file]", { name: "申报表.pdf", mimeType: "application/pdf",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await page.waitForSelector("[data-test=upload-error]");
  assert.match(await text(page.locator("[data-test=upload-error]")), /PNG 图片.*请上传 PDF 或文本/);
  await screenshot(page, "upload-bad-file");

  // The big-data center's declaration with Windows line ends: new bytes, same declaration.
  const crlf = Buffer.from(sample("songjiang-bigdata-center-2024.txt").toString("utf8").replace(/\n/g, "\r\n"));
  await page.setInputFiles("[data-test=file]", { name: "大数据中心-2024.txt", mimeType: "text/plain", buffer: crlf });
  await page.waitForSelector("[data-test=upload-result]");
  const result = await text(page.locator("[data-test=upload-result]"));
  assert.match(result, /已导入/);
  assert.match(result, /项目 4/);  // four forms, lines 59, 111, 192, 244
  assert.match(result, /1,808\.10/);  // 18,081,000.00 元
  await screenshot(page, "upload-result");
  assert.deepEqual(page.problems, []);
});
