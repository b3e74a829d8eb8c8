// jixiao web UI: a small single-page app over the JSON API (docs/api.md). Plain JavaScript, no
// libraries. Every value from the server is inserted as a text node (h() below) — never as
// HTML — so document content can never inject markup or script.
"use strict";

// ---------------------------------------------------------------------------------------------
// DOM helpers

const SVG_NS = "http://www.w3.org/2000/svg";

// h("a", {href: "/x", class: "y", onclick: fn}, "text", child, [more]) → element.
// Strings and numbers become text nodes; null/undefined/false are skipped; arrays are flattened.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

// Internal link handled by the client-side router.
function link(href, ...children) {
  return h("a", { href, "data-nav": true }, ...children);
}

// ---------------------------------------------------------------------------------------------
// Numbers and money. Amounts arrive as decimal strings ("37780000.00" yuan); they are converted
// with integer arithmetic (BigInt fen), never floats.

function toFen(text) {
  if (text === null || text === undefined) return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).replace(/,/g, ""));
  if (!m) return null;
  return BigInt(m[1] + m[2] + (m[3] || "").padEnd(2, "0"));
}

function group3(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// Fen → "12,345.67" with `decimals` places, from a value scaled by 10^scale, rounding half away
// from zero.
function formatScaled(value, scale, decimals) {
  const negative = value < 0n;
  let a = negative ? -value : value;
  const drop = scale - decimals;
  if (drop > 0) {
    const unit = 10n ** BigInt(drop);
    let q = a / unit;
    if ((a % unit) * 2n >= unit) q += 1n;
    a = q;
  }
  const base = 10n ** BigInt(decimals);
  const whole = group3((a / base).toString());
  const frac = decimals > 0 ? "." + (a % base).toString().padStart(decimals, "0") : "";
  return (negative && a !== 0n ? "-" : "") + whole + frac;
}

// "37780000.00" (yuan) → "3,778.00" (万元).
function wanFromYuan(yuan) {
  const fen = toFen(yuan);
  return fen === null ? null : formatScaled(fen, 6, 2);
}
// "37780000.00" → "37,780,000.00".
function yuanDisplay(yuan) {
  const fen = toFen(yuan);
  return fen === null ? null : formatScaled(fen, 2, 2);
}
// A decimal string already in 万元 ("6749.1") → "6,749.10".
function wanDisplay(wan) {
  if (wan === null || wan === undefined) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(wan).replace(/,/g, ""));
  if (!m) return String(wan);
  const frac = (m[3] || "").padEnd(6, "0").slice(0, 6);
  return formatScaled(BigInt(m[1] + m[2] + frac), 6, 2);
}
function wanToFen(wan) {
  if (wan === null || wan === undefined) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(wan).replace(/,/g, ""));
  if (!m) return null;
  const frac = (m[3] || "").padEnd(6, "0");
  if (frac.length > 6 && /[1-9]/.test(frac.slice(6))) return null;
  return BigInt(m[1] + m[2] + frac.slice(0, 6));
}
function intDisplay(n) {
  return n === null || n === undefined ? "—" : group3(String(n));
}
// A value scaled to a Number only for drawing bar lengths (never displayed).
function fenToNumber(fen) {
  return fen === null ? 0 : Number(fen) / 100;
}

// Field accessors tolerant of the "_yuan" suffix convention of the API.
function yuanOf(obj, name) {
  if (!obj) return null;
  if (obj[name + "_yuan"] !== undefined) return obj[name + "_yuan"];
  const v = obj[name];
  return typeof v === "string" || v === null ? v ?? null : null;
}

const SEVERITIES = [
  { key: "error", label: "错误" },
  { key: "warning", label: "警告" },
  { key: "advice", label: "提示" },
];

function sevBadge(severity, text) {
  const info = SEVERITIES.find((x) => x.key === severity) || SEVERITIES[2];
  return h("span", { class: "sev " + info.key }, text ?? info.label);
}

function countBadges(counts) {
  if (!counts) return h("span", { class: "muted" }, "—");
  const parts = SEVERITIES.filter((x) => counts[x.key] > 0).map((x) =>
    sevBadge(x.key, x.label + " " + counts[x.key]));
  if (parts.length === 0) return h("span", { class: "sev none" }, "无");
  return h("span", { class: "counts" }, parts);
}

function linesText(lines) {
  if (!Array.isArray(lines) || lines.length < 2 || !lines[0]) return null;
  return lines[0] === lines[1] ? `原文第 ${lines[0]} 行` : `原文第 ${lines[0]}–${lines[1]} 行`;
}

// ---------------------------------------------------------------------------------------------
// API access

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, options) {
  let response;
  try {
    response = await fetch(path, Object.assign({ headers: { Accept: "application/json" } }, options));
  } catch (e) {
    throw new ApiError(0, "无法连接服务器，请确认 jixiao serve 仍在运行。");
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error && body.error.message ? body.error.message
      : `请求失败（HTTP ${response.status}）。`;
    throw new ApiError(response.status, message);
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// Page frame and router

const app = () => document.getElementById("app");
let renderToken = 0;  // a newer navigation makes older, still loading renders give up

function show(...children) {
  const root = app();
  root.replaceChildren(...children.flat().filter(Boolean));
}

function showLoading() {
  show(h("div", { class: "loading" }, "正在加载…"));
}

function showError(error) {
  const message = error instanceof ApiError ? error.message : "页面出错了：" + (error && error.message);
  show(h("div", { class: "notice error", role: "alert" },
    h("strong", null, error && error.status === 404 ? "找不到" : "无法显示"), message),
    h("p", null, link("/", "返回总览")));
}

function setTitle(text) {
  document.title = text ? `${text} · 绩效目标审阅` : "绩效目标审阅";
}

function setSection(section) {
  for (const a of document.querySelectorAll(".mainnav a")) {
    a.classList.toggle("active", a.dataset.section === section);
  }
}

const routes = [
  { pattern: /^\/$/, section: "overview", render: (m, q) => renderOverview(q) },
  { pattern: /^\/documents\/(\d+)$/, section: "overview", render: (m) => renderDocument(m[1]) },
  { pattern: /^\/projects\/(\d+)$/, section: "overview", render: (m) => renderProject(m[1]) },
  { pattern: /^\/history$/, section: "history", render: (m, q) => renderHistory(q) },
  { pattern: /^\/search$/, section: "search", render: (m, q) => renderSearch(q) },
  { pattern: /^\/upload$/, section: "upload", render: () => renderUpload() },
];

async function route() {
  const token = ++renderToken;
  const path = location.pathname;
  const query = new URLSearchParams(location.search);
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    setSection(r.section);
    try {
      await r.render(m, query, token);
    } catch (error) {
      if (token === renderToken) showError(error);
    }
    return;
  }
  setSection(null);
  setTitle("页面不存在");
  show(h("div", { class: "notice error" }, h("strong", null, "页面不存在"), "请从总览重新进入。"));
}

function navigate(href, replace) {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  window.scrollTo(0, 0);
  route();
}

// True while `token` is still the newest navigation.
function current(token) {
  return token === renderToken;
}

document.addEventListener("click", (event) => {
  const a = event.target.closest("a[data-nav]");
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
      event.shiftKey || event.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener("popstate", route);

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("quicksearch");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = form.q.value.trim();
    if (q) navigate("/search?q=" + encodeURIComponent(q));
  });
  route();
});

// ---------------------------------------------------------------------------------------------
// Charts (inline SVG drawn here; no library)

const PALETTE = ["#3f72b5", "#5c9a8b", "#d08a1a", "#8e6bb8", "#c75d5d", "#4f9fcf", "#9aa04a",
  "#b9778f", "#6d7f99", "#c9a227"];

// Horizontal bars: rows = [{label, value (Number, for length), text (shown), href}].
function barChart(rows, options = {}) {
  const labelWidth = options.labelWidth ?? 190;
  const width = 560;
  const barArea = width - labelWidth - 80;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 24;
  const max = Math.max(...rows.map((r) => r.value), 0) || 1;
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": options.title || "柱状图" });
  for (let i = 0; i <= 4; i++) {
    const x = labelWidth + (barArea * i) / 4;
    svg.appendChild(s("line", { class: "grid", x1: x, x2: x, y1: 0, y2: height - 18 }));
  }
  rows.forEach((r, i) => {
    const y = i * rowHeight + 4;
    const w = Math.max(2, (r.value / max) * barArea);
    const label = r.label.length > 14 ? r.label.slice(0, 13) + "…" : r.label;
    const g = s("g", { class: "row" },
      s("title", null, `${r.label}：${r.text}${r.tip ? "（" + r.tip + "）" : ""}`),
      s("text", { x: labelWidth - 8, y: y + 14, "text-anchor": "end" }, label),
      s("rect", { class: "bar" + (options.alt ? " alt" : ""), x: labelWidth, y, width: w,
        height: rowHeight - 8, rx: 3 }),
      s("text", { class: "value", x: labelWidth + w + 6, y: y + 14 }, r.text));
    if (r.href) {
      const a = s("a", { href: r.href }, g);
      svg.appendChild(a);
    } else {
      svg.appendChild(g);
    }
  });
  svg.appendChild(s("text", { class: "axis", x: labelWidth, y: height - 4 }, "0"));
  svg.appendChild(s("text", { class: "axis", x: labelWidth + barArea, y: height - 4,
    "text-anchor": "middle" }, options.maxLabel || ""));
  return svg;
}

// Donut with legend: rows = [{label, value, text}].
function donutChart(rows, title) {
  const total = rows.reduce((a, r) => a + r.value, 0) || 1;
  const size = 200, r = 80, stroke = 34, c = 2 * Math.PI * r;
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": title });
  let offset = 0;
  rows.forEach((row, i) => {
    const length = (row.value / total) * c;
    svg.appendChild(s("circle", {
      cx: size / 2, cy: size / 2, r, fill: "none", stroke: PALETTE[i % PALETTE.length],
      "stroke-width": stroke, "stroke-dasharray": `${length} ${c - length}`,
      "stroke-dashoffset": -offset, transform: `rotate(-90 ${size / 2} ${size / 2})`,
    }, s("title", null, `${row.label}：${row.text}`)));
    offset += length;
  });
  svg.appendChild(s("text", { x: size / 2, y: size / 2 - 2, "text-anchor": "middle", class: "value" }, "项目类别"));
  svg.appendChild(s("text", { x: size / 2, y: size / 2 + 16, "text-anchor": "middle", class: "value" },
    `${rows.length} 类`));
  const legend = h("div", { class: "legend" }, rows.map((row, i) => {
    const swatch = h("i");
    swatch.style.background = PALETTE[i % PALETTE.length];
    const share = ((row.value / total) * 100).toFixed(1);
    return h("div", null, swatch, row.label, h("span", { class: "v" }, `${row.text} 万元 · ${share}%`));
  }));
  return h("div", { class: "donut-wrap" }, svg, legend);
}

// ---------------------------------------------------------------------------------------------
// Overview (总览)

async function renderOverview(query, token = renderToken) {
  setTitle("总览");
  showLoading();
  const { years } = await api("/api/years");
  if (!current(token)) return;
  if (!years || years.length === 0) {
    show(h("div", { class: "card" }, h("h1", null, "还没有申报文档"),
      h("p", null, "数据库中还没有任何绩效目标申报表。请先", link("/upload", "上传一份 PDF 或文本"),
        "，或在命令行用 jixiao ingest 导入。")));
    return;
  }
  const requested = query.get("year");
  const year = requested === "all" ? null
    : years.includes(Number(requested)) ? Number(requested) : years[years.length - 1];
  const yearParam = year === null ? "" : `year=${year}`;
  const by = query.get("by") === "implementer" ? "implementer" : "department";
  const [summary, byDept, byCategory, byYear, docs] = await Promise.all([
    api(`/api/summary?${yearParam}`),
    api(`/api/summary?${yearParam}&by=${by}`),
    api(`/api/summary?${yearParam}&by=category`),
    api("/api/summary?by=year"),
    api(`/api/documents?${yearParam}`),
  ]);
  if (!current(token)) return;
  setTitle(year === null ? "全部年度总览" : `${year} 年度总览`);

  const chips = h("div", { class: "chips", "aria-label": "选择年度" },
    years.slice().reverse().map((y) => h("a", { class: "chip" + (y === year ? " active" : ""),
      href: `/?year=${y}`, "data-nav": true }, `${y} 年`)),
    h("a", { class: "chip" + (year === null ? " active" : ""), href: "/?year=all", "data-nav": true }, "全部年度"));

  const total = summary.total || {};
  const findings = Object.assign({ error: 0, warning: 0, advice: 0 }, total.findings);
  const docFindings = summary.document_findings || {};
  for (const k of ["error", "warning", "advice"]) findings[k] += docFindings[k] || 0;

  const kpis = h("div", { class: "kpis" },
    h("div", { class: "kpi" }, h("div", { class: "label" }, "项目资金总额"),
      h("div", { class: "value", "data-test": "kpi-total" }, wanFromYuan(yuanOf(total, "total")) ?? "—", h("small", null, "万元")),
      h("div", { class: "note" }, "各申报表“项目资金总额”之和，重复公开的项目只计一次")),
    h("div", { class: "kpi" }, h("div", { class: "label" }, "项目"),
      h("div", { class: "value", "data-test": "kpi-projects" }, intDisplay(total.projects), h("small", null, "个")),
      h("div", { class: "note" }, summary.duplicate_projects > 0
        ? `另有 ${summary.duplicate_projects} 个在部门与单位文档中重复公开，未重复计入` : "无重复公开的项目")),
    h("div", { class: "kpi" }, h("div", { class: "label" }, "申报文档"),
      h("div", { class: "value" }, intDisplay(docs.documents.length), h("small", null, "份")),
      h("div", { class: "note" }, `绩效指标 ${intDisplay(total.indicators)} 条`)),
    h("div", { class: "kpi" }, h("div", { class: "label" }, "审核发现"),
      h("div", { class: "sevbar", "data-test": "kpi-findings" },
        SEVERITIES.map((x) => h("span", { class: x.key }, h("em", null, x.label), findings[x.key]))),
      h("div", { class: "note" }, "错误须更正；警告须核实；提示供参考")));

  const deptRows = (byDept.rows || []).map((r) => ({
    label: r.key || "（未填）", value: fenToNumber(toFen(yuanOf(r, "total"))),
    text: wanFromYuan(yuanOf(r, "total")), tip: `${r.projects} 个项目`,
  }));
  const yearQuery = year === null ? "year=all" : `year=${year}`;
  const byChips = h("span", { class: "chips small" },
    [["department", "主管部门"], ["implementer", "实施单位"]].map(([key, label]) =>
      h("a", { class: "chip" + (key === by ? " active" : ""), href: `/?${yearQuery}&by=${key}`, "data-nav": true }, label)));
  const catRows = (byCategory.rows || []).map((r) => ({
    label: r.key || "（未填类别）", value: fenToNumber(toFen(yuanOf(r, "total"))),
    text: wanFromYuan(yuanOf(r, "total")),
  }));
  const yearRows = (byYear.rows || []).map((r) => ({
    label: `${r.key} 年`, value: fenToNumber(toFen(yuanOf(r, "total"))),
    text: wanFromYuan(yuanOf(r, "total")), href: `/?year=${r.key}`,
  }));

  const charts = h("div", { class: "grid2" },
    h("section", { class: "card" },
      h("div", { class: "card-head" }, h("h2", null, by === "implementer" ? "各实施单位项目资金" : "各主管部门项目资金"),
        byChips, h("span", { class: "aside" }, "万元")),
      deptRows.length ? barChart(deptRows, { title: "项目资金（万元）" }) : h("p", { class: "empty" }, "无数据")),
    h("section", { class: "card" },
      h("div", { class: "card-head" }, h("h2", null, "各项目类别资金占比"), h("span", { class: "aside" }, "万元")),
      catRows.length ? donutChart(catRows, "各项目类别项目资金") : h("p", { class: "empty" }, "无数据")));

  const docRows = docs.documents.map((d) => {
    const claimed = d.header_total_wan;
    const formsWan = wanFromYuan(yuanOf(d, "total"));
    const mismatch = claimed !== null && claimed !== undefined && wanToFen(claimed) !== toFen(yuanOf(d, "total"));
    return h("tr", null,
      h("td", { class: "name" }, link(`/documents/${d.id}`, d.issuer || d.source),
        h("div", { class: "muted small" }, d.source, d.version > 1 ? ` · 第 ${d.version} 版` : "")),
      h("td", { class: "num" }, d.year ?? "—"),
      h("td", { class: "num" }, intDisplay(d.project_count),
        d.duplicate_projects > 0 ? h("div", { class: "muted small" }, `其中 ${d.duplicate_projects} 个重复公开`) : null),
      h("td", { class: "num" }, formsWan ?? "—"),
      h("td", { class: "num" + (mismatch ? " mismatch" : "") }, claimed !== null && claimed !== undefined ? wanDisplay(claimed) : "—"),
      h("td", null, countBadges(d.findings)));
  });

  const sections = [
    h("div", { class: "page-head" },
      h("div", null, h("h1", null, year === null ? "全部年度总览" : `${year} 年度绩效目标总览`),
        h("div", { class: "sub" }, "按年度查看各部门申报的项目资金、项目数与审核发现")),
      h("div", { class: "actions" }, chips)),
    kpis,
    charts,
  ];
  if (year === null && yearRows.length > 1) {
    sections.push(h("section", { class: "card" }, h("div", { class: "card-head" }, h("h2", null, "各年度项目资金")),
      barChart(yearRows, { title: "各年度项目资金（万元）", alt: true, labelWidth: 120 })));
  }
  sections.push(h("section", { class: "card" },
    h("div", { class: "card-head" }, h("h2", null, "申报文档"), h("span", { class: "aside" }, `${docs.documents.length} 份`)),
    h("table", { class: "data", "data-test": "documents" },
      h("thead", null, h("tr", null, h("th", null, "发布单位 / 文件"), h("th", { class: "num" }, "年度"),
        h("th", { class: "num" }, "项目数"), h("th", { class: "num" }, "申报表合计（万元）"),
        h("th", { class: "num" }, "文档声明（万元）"), h("th", null, "审核发现"))),
      h("tbody", null, docRows))));
  if (summary.duplicate_groups && summary.duplicate_groups.length) {
    sections.push(duplicatesCard(summary));
  }
  show(sections);
}

function duplicatesCard(summary) {
  return h("section", { class: "card" },
    h("div", { class: "card-head" }, h("h2", null, "重复公开的项目"),
      h("span", { class: "aside" }, "部门文档与所属单位文档公开的同一项目，合计时只计一次")),
    h("table", { class: "data" },
      h("thead", null, h("tr", null, h("th", null, "项目"), h("th", null, "实施单位"),
        h("th", { class: "num" }, "项目资金（万元）"), h("th", null, "公开于"))),
      h("tbody", null, summary.duplicate_groups.map((g) => h("tr", null,
        h("td", null, g.name), h("td", null, g.implementer),
        h("td", { class: "num" }, wanFromYuan(yuanOf(g, "total")) ?? "—"),
        h("td", null, (g.published_in || []).map((p, i) => h("div", null,
          link(`/projects/${p.project_id}`, p.issuer || p.source),
          i === 0 ? h("span", { class: "tag" }, "计入") : h("span", { class: "tag grey" }, "重复")))))))));
}

// ---------------------------------------------------------------------------------------------
// A declaration (申报文档)

async function renderDocument(id, token = renderToken) {
  showLoading();
  const view = await api(`/api/documents/${id}`);
  if (!current(token)) return;
  const info = view.info;
  const decl = view.declaration || {};
  const title = `${info.issuer || decl.issuer || info.source}`;
  setTitle(`${title} ${info.year ?? ""}`);

  const header = decl.header || {};
  const formsTotalFen = toFen(yuanOf(info, "total"));
  const claimedFen = wanToFen(header.total_wan);
  const implementers = new Set((view.projects || []).map((p) => p.implementer).filter(Boolean));
  const withTotal = (view.projects || []).filter((p) => yuanOf(p, "total") !== null).length;
  const compare = (claimed, actual, same) => {
    if (claimed === null || claimed === undefined) return h("td", { class: "muted" }, "未声明");
    return h("td", { class: same ? "match" : "mismatch" }, same ? "一致" : "不一致");
  };
  const claims = h("table", { class: "data", "data-test": "claims" },
    h("thead", null, h("tr", null, h("th", null, "核对项"), h("th", { class: "num" }, "文档声明"),
      h("th", { class: "num" }, "申报表合计"), h("th", null, "结果"))),
    h("tbody", null,
      h("tr", null, h("td", null, "编报绩效目标的项目数"),
        h("td", { class: "num" }, header.project_count ?? "—"),
        h("td", { class: "num" }, decl.projects ? decl.projects.filter((p) => p.has_form).length : "—"),
        compare(header.project_count, null,
          header.project_count === (decl.projects || []).filter((p) => p.has_form).length)),
      h("tr", null, h("td", null, "涉及项目预算资金（万元）"),
        h("td", { class: "num" }, header.total_wan ? wanDisplay(header.total_wan) : "—"),
        h("td", { class: "num" }, formsTotalFen === null ? "—" : formatScaled(formsTotalFen, 6, 2),
          withTotal < (view.projects || []).length ? h("div", { class: "muted small" },
            `${(view.projects || []).length - withTotal} 个项目缺少资金总额`) : null),
        compare(header.total_wan, null, claimedFen !== null && claimedFen === formsTotalFen)),
      h("tr", null, h("td", null, "预算单位数"),
        h("td", { class: "num" }, header.budget_unit_count ?? "—"),
        h("td", { class: "num" }, implementers.size, h("div", { class: "muted small" }, "申报表中不同的实施单位")),
        h("td", { class: "muted" }, "仅供参考"))));

  const docFindings = (view.findings || []).filter((f) => !f.project_seq);
  const projectFindings = new Map();
  for (const f of view.findings || []) {
    if (!f.project_seq) continue;
    if (!projectFindings.has(f.project_seq)) projectFindings.set(f.project_seq, []);
    projectFindings.get(f.project_seq).push(f);
  }

  const rows = (view.projects || []).map((p) => h("tr", { class: p.counted === false ? "repeat" : null },
    h("td", { class: "num" }, p.seq),
    h("td", { class: "name" }, link(`/projects/${p.id}`, p.name || "（未识别名称）"),
      p.counted === false ? h("div", { class: "small" }, h("span", { class: "tag grey" }, "重复公开"), " 合计时不重复计入") : null),
    h("td", null, p.implementer || "—"),
    h("td", null, p.category || "—"),
    h("td", { class: "num" }, yuanDisplay(yuanOf(p, "total")) ?? "—"),
    h("td", { class: "num" }, wanFromYuan(yuanOf(p, "total")) ?? "—"),
    h("td", { class: "num" }, p.indicator_count),
    h("td", null, countBadges(p.findings))));

  const versions = view.versions && view.versions.length > 1
    ? h("div", { class: "small muted" }, "版本：", view.versions.map((v, i) => [i ? " · " : "",
      v.id === info.id ? h("b", null, `第 ${v.version} 版（当前查看）`) : link(`/documents/${v.id}`, `第 ${v.version} 版`)]))
    : null;

  show(
    h("div", { class: "crumbs" }, link(info.year ? `/?year=${info.year}` : "/", "总览"), h("span", { class: "sep" }, "›"), title),
    h("div", { class: "page-head" },
      h("div", null, h("h1", null, title, info.year ? ` · ${info.year} 年` : ""),
        h("div", { class: "sub" }, "财政支出项目绩效目标申报",
          h("span", { class: "muted small" }, ` · 文件 ${info.source} · 导入于 ${formatTime(info.ingested_at)}`)),
        versions)),
    h("div", { class: "grid2" },
      h("section", { class: "card" }, h("h2", null, "文档声明与申报表核对"),
        h("p", { class: "muted small" }, "“绩效目标设置情况”一段所声明的数字，与各申报表相加的结果对照。"),
        claims),
      h("section", { class: "card" }, h("h2", null, "文档级审核发现"),
        docFindings.length ? docFindings.map((f) => findingCard(f)) : h("p", { class: "empty" }, "没有文档级的审核发现。"))),
    h("section", { class: "card" },
      h("div", { class: "card-head" }, h("h2", null, "项目"), h("span", { class: "aside" }, `${rows.length} 个`)),
      h("table", { class: "data", "data-test": "projects" },
        h("thead", null, h("tr", null, h("th", { class: "num" }, "序号"), h("th", null, "项目名称"),
          h("th", null, "实施单位"), h("th", null, "项目类别"), h("th", { class: "num" }, "项目资金总额（元）"),
          h("th", { class: "num" }, "万元"), h("th", { class: "num" }, "指标"), h("th", null, "审核发现"))),
        h("tbody", null, rows),
        h("tfoot", null, h("tr", null, h("td"), h("td", null, "合计"), h("td"), h("td"),
          h("td", { class: "num" }, formsTotalFen === null ? "—" : formatScaled(formsTotalFen, 2, 2)),
          h("td", { class: "num" }, formsTotalFen === null ? "—" : formatScaled(formsTotalFen, 6, 2)),
          h("td", { class: "num" }, info.indicator_count), h("td", null, countBadges(info.findings)))))));
}

function formatTime(iso) {
  if (!iso) return "—";
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// ---------------------------------------------------------------------------------------------
// Findings

function findingCard(f, number) {
  const evidence = (f.evidence || []).length
    ? h("dl", null, f.evidence.map((e) => [h("dt", null, e.label),
      h("dd", null, e.value, e.unit ? ` ${e.unit}` : "")]))
    : null;
  const where = (f.spans || []).map((sp) => linesText(sp.lines)).filter(Boolean);
  return h("div", { class: "finding " + f.severity, "data-rule": f.rule, id: number ? `finding-${number}` : null },
    h("div", { class: "fhead" },
      number ? h("span", { class: "marker " + f.severity }, number) : null,
      sevBadge(f.severity, f.severity_zh), h("span", { class: "rule" }, f.rule),
      where.length ? h("span", { class: "where" }, where[0]) : null),
    h("div", { class: "msg" }, f.message),
    evidence,
    f.comparison ? h("div", { class: "cmp" }, f.comparison) : null);
}

// Assigns each finding of a project to the form row it concerns. `slots` maps a slot key to
// the list of field paths it shows; a finding goes to the slot that owns its field, or the
// slot owning the longest prefix of it ("indicators[3].value" → "indicators[3]").
function placeFindings(findings, slots, fieldOf = (f) => f.field || "") {
  const placed = new Map();
  const unplaced = [];
  for (const f of findings) {
    const field = fieldOf(f);
    let best = null, bestLength = -1;
    for (const [slot, fields] of slots) {
      for (const owned of fields) {
        if (field === owned || field.startsWith(owned + ".") || field.startsWith(owned + "[")) {
          if (owned.length > bestLength) { best = slot; bestLength = owned.length; }
        }
      }
    }
    if (best === null) unplaced.push(f);
    else {
      if (!placed.has(best)) placed.set(best, []);
      placed.get(best).push(f);
    }
  }
  return { placed, unplaced };
}

function worstSeverity(findings) {
  for (const x of SEVERITIES) if (findings.some((f) => f.severity === x.key)) return x.key;
  return null;
}

// ---------------------------------------------------------------------------------------------
// A project rendered like the official 申报表, findings beside their fields

async function renderProject(id, token = renderToken) {
  showLoading();
  const view = await api(`/api/projects/${id}`);
  if (!current(token)) return;
  const p = view.project || {};
  const info = view.info || {};
  const doc = view.document || {};
  const name = p.name || p.narrative_title || info.name || "（未识别名称）";
  setTitle(name);

  const findings = view.findings || [];
  // Number the findings in reading order, so markers in the form point at cards.
  const numbers = new Map(findings.map((f, i) => [f, i + 1]));

  const slots = [
    ["name", ["name", "narrative_title"]], ["nature", ["nature"]], ["category", ["category"]],
    ["department", ["department"]], ["implementer", ["implementer"]],
    ["dates", ["start", "end", "dates"]],
    ["funds1", ["funds_yuan.total", "funds_yuan.annual_total", "funds_yuan"]],
    ["funds2", ["funds_yuan.fiscal", "funds_yuan.current_appropriation"]],
    ["funds3", ["funds_yuan.carryover"]],
    ["funds4", ["funds_yuan.other", "funds_yuan.annual_other"]],
    ["goals", ["overall_goal", "annual_goal", "goals"]],
    ["indicators", ["indicators"]],
  ];
  (p.indicators || []).forEach((_, i) => slots.push([`ind${i}`, [`indicators[${i}]`]]));
  slots.push(["narrative_budget", ["narrative_budget_wan", "sub_projects", "narrative"]]);
  slots.push(["line_items", ["line_items"]]);
  (p.line_items || []).forEach((_, i) => slots.push([`li${i}`, [`line_items[${i}]`]]));
  (p.sections || []).forEach((_, i) => slots.push([`sec${i}`, [`sections[${i}]`]]));
  slots.push(["sections", ["sections"]]);
  // A finding about "the narrative sections" in general is shown beside the section whose lines
  // hold its first source position.
  const sectionAt = (line) => (p.sections || []).findIndex((sec) =>
    Array.isArray(sec.lines) && sec.lines[0] <= line && line <= sec.lines[1]);
  const fieldOf = (f) => {
    const line = f.spans && f.spans[0] && f.spans[0].lines ? f.spans[0].lines[0] : null;
    if (f.field === "sections" && line) {
      const i = sectionAt(line);
      if (i >= 0) return `sections[${i}]`;
    }
    return f.field || "";
  };
  const { placed, unplaced } = placeFindings(findings, slots, fieldOf);

  const notesFor = (slot) => {
    const list = placed.get(slot) || [];
    return h("td", { class: "notes" }, list.map((f) => findingCard(f, numbers.get(f))));
  };
  const markersFor = (slot, fields) => {
    const list = (placed.get(slot) || []).filter((f) => !fields || fields.some((x) =>
      (f.field || "") === x || (f.field || "").startsWith(x + ".") || (f.field || "").startsWith(x + "[")));
    return list.map((f) => h("a", { class: "marker " + f.severity, href: `#finding-${numbers.get(f)}`,
      title: f.message }, numbers.get(f)));
  };
  const flag = (slot, fields) => {
    const list = (placed.get(slot) || []).filter((f) => fields.some((x) =>
      (f.field || "") === x || (f.field || "").startsWith(x + ".") || (f.field || "").startsWith(x + "[")));
    const worst = worstSeverity(list);
    return worst ? "flagged " + worst : "";
  };
  const unreadable = new Map((p.unreadable || []).map((u) => [u.field, u]));
  const value = (field, text) => {
    if (text !== null && text !== undefined && text !== "") return text;
    const u = unreadable.get(field);
    if (u) return h("span", { class: "unreadable", title: u.reason }, "无法识别");
    return h("span", { class: "muted" }, "—");
  };
  const money = (key) => {
    const yuan = p.funds_yuan ? p.funds_yuan[key] : null;
    return value(`funds_yuan.${key}`, yuanDisplay(yuan));
  };
  const moneyCell = (slot, key) => h("td", { class: "money " + flag(slot, [`funds_yuan.${key}`]) },
    money(key), markersFor(slot, [`funds_yuan.${key}`]));

  const year = doc.year ?? info.year;
  const rows = [];
  // Seven columns: the six of the form, then the findings beside them.
  rows.push(h("tr", null,
    h("th", null, "项目名称"), h("td", { class: flag("name", ["name", "narrative_title"]), "data-test": "form-name" }, value("name", p.name), markersFor("name")),
    h("th", null, "项目性质"), h("td", { class: flag("nature", ["nature"]) }, value("nature", p.nature), markersFor("nature")),
    h("th", null, "项目类别"), h("td", { class: flag("category", ["category"]) }, value("category", p.category), markersFor("category")),
    notesFor("name")));
  if ((placed.get("nature") || []).length || (placed.get("category") || []).length) {
    rows.push(h("tr", null, h("td", { colspan: 6, class: "blank" }), h("td", { class: "notes" },
      [...(placed.get("nature") || []), ...(placed.get("category") || [])].map((f) => findingCard(f, numbers.get(f))))));
  }
  rows.push(h("tr", null,
    h("th", null, "主管部门"), h("td", { colspan: 2, class: flag("department", ["department"]) }, value("department", p.department), markersFor("department")),
    h("th", null, "实施单位"), h("td", { colspan: 2, class: flag("implementer", ["implementer"]) }, value("implementer", p.implementer), markersFor("implementer")),
    h("td", { class: "notes" }, [...(placed.get("department") || []), ...(placed.get("implementer") || [])]
      .map((f) => findingCard(f, numbers.get(f))))));
  rows.push(h("tr", null,
    h("th", null, "计划开始日期"), h("td", { colspan: 2, class: flag("dates", ["start"]) }, value("start", p.start), markersFor("dates", ["start"])),
    h("th", null, "计划完成日期"), h("td", { colspan: 2, class: flag("dates", ["end"]) }, value("end", p.end), markersFor("dates", ["end"])),
    notesFor("dates")));
  // One notes cell beside the whole funds block: the markers in the cells say which amount.
  const fundsNotes = ["funds1", "funds2", "funds3", "funds4"].flatMap((slot) => placed.get(slot) || []);
  rows.push(h("tr", null,
    h("th", { rowspan: 4 }, "项目资金", h("br"), "（元）"),
    h("th", null, "项目资金总额"), moneyCell("funds1", "total"),
    h("th", { colspan: 2 }, "年度资金申请总额"), moneyCell("funds1", "annual_total"),
    h("td", { class: "notes", rowspan: 4 }, fundsNotes.map((f) => findingCard(f, numbers.get(f))))));
  rows.push(h("tr", null,
    h("th", null, "其中：财政资金"), moneyCell("funds2", "fiscal"),
    h("th", { colspan: 2 }, "其中：当年财政拨款"), moneyCell("funds2", "current_appropriation")));
  rows.push(h("tr", null,
    h("td", { class: "blank" }), h("td", { class: "blank" }),
    h("th", { colspan: 2 }, "上年结转资金"), moneyCell("funds3", "carryover")));
  rows.push(h("tr", null,
    h("th", null, "其他资金"), moneyCell("funds4", "other"),
    h("th", { colspan: 2 }, "其他资金"), moneyCell("funds4", "annual_other")));
  rows.push(h("tr", null,
    h("th", { rowspan: 2 }, "项目绩效", h("br"), "目标"),
    h("th", { colspan: 2 }, "项目总目标"), h("th", { colspan: 3 }, "年度总体目标"),
    h("td", { class: "notes", rowspan: 2 }, (placed.get("goals") || []).map((f) => findingCard(f, numbers.get(f))))));
  rows.push(h("tr", null,
    h("td", { colspan: 2, class: "goal " + flag("goals", ["overall_goal"]) }, value("overall_goal", p.overall_goal), markersFor("goals", ["overall_goal"])),
    h("td", { colspan: 3, class: "goal " + flag("goals", ["annual_goal"]) }, value("annual_goal", p.annual_goal), markersFor("goals", ["annual_goal"]))));

  // Indicator table with merged 一级/二级 cells (rowspan over consecutive equal values).
  const indicators = p.indicators || [];
  const indicatorRows = [];
  const generalNotes = (placed.get("indicators") || []).map((f) => findingCard(f, numbers.get(f)));
  // One notes cell beside the whole indicator table (a cell per row would stretch the rows):
  // findings about the table first, then those of single rows in row order; the numbered
  // markers in the rows point at them.
  const rowNotes = indicators.flatMap((_, i) => (placed.get(`ind${i}`) || []).map((f) => findingCard(f, numbers.get(f))));
  indicatorRows.push(h("tr", null,
    h("th", { rowspan: indicators.length + 1, class: "vertical" }, "绩效指标"),
    h("th", null, "一级指标"), h("th", null, "二级指标"), h("th", { colspan: 2 }, "三级指标"),
    h("th", null, "年度（/项目）指标值"),
    h("td", { class: "notes", rowspan: indicators.length + 1 }, generalNotes, rowNotes)));
  const span = (i, key, within) => {
    if (i > 0 && indicators[i - 1][key] === indicators[i][key] && (!within || indicators[i - 1][within] === indicators[i][within])) return 0;
    let n = 1;
    while (i + n < indicators.length && indicators[i + n][key] === indicators[i][key] &&
      (!within || indicators[i + n][within] === indicators[i][within])) n++;
    return n;
  };
  indicators.forEach((ind, i) => {
    const slot = `ind${i}`;
    const l1span = span(i, "l1");
    const l2span = span(i, "l2", "l1");
    indicatorRows.push(h("tr", { "data-test": "indicator" },
      l1span ? h("td", { rowspan: l1span, class: "l1" }, ind.l1 || "—") : null,
      l2span ? h("td", { rowspan: l2span, class: "l2" }, ind.l2 || "—") : null,
      h("td", { colspan: 2, class: flag(slot, [`indicators[${i}].name`, `indicators[${i}].l1`, `indicators[${i}].l2`]) }, ind.name, markersFor(slot, [`indicators[${i}].name`, `indicators[${i}].l1`, `indicators[${i}].l2`])),
      h("td", { class: "target " + flag(slot, [`indicators[${i}]`]) }, ind.value || h("span", { class: "muted" }, "—"), markersFor(slot, [`indicators[${i}].value`, `indicators[${i}]`])),
      ));
  });
  if (indicators.length === 0) {
    indicatorRows.push(h("tr", null, h("td", { colspan: 5, class: "blank" }, "未识别到绩效指标"), h("td", { class: "notes" })));
  }

  const form = p.has_form === false
    ? h("div", { class: "notice warning" }, h("strong", null, "文档中没有找到本项目的申报表"), "以下只有项目经费情况说明的内容。")
    : h("div", { class: "sheet", "data-test": "form" },
      h("p", { class: "sheet-title" }, "财政项目支出绩效目标申报表"),
      h("p", { class: "sheet-year" }, year ? `（${year}年度）` : ""),
      h("table", { class: "form" + (formHasNotes(placed) ? "" : " without-notes") },
        h("colgroup", null, h("col", { style: null }), [1, 2, 3, 4, 5].map(() => h("col")), h("col", { class: "notes-col" })),
        h("tbody", null, rows, indicatorRows)));

  const head = h("div", { class: "page-head" },
    h("div", null,
      h("div", { class: "crumbs" }, link(year ? `/?year=${year}` : "/", "总览"), h("span", { class: "sep" }, "›"),
        link(`/documents/${doc.id ?? info.document_id}`, `${doc.issuer || doc.source || "文档"} ${year ?? ""}`),
        h("span", { class: "sep" }, "›"), `项目 ${info.seq ?? p.seq}`),
      h("h1", null, name),
      h("div", { class: "sub" }, [p.implementer, p.category, year ? `${year} 年` : null].filter(Boolean).join(" · "))),
    h("div", { class: "actions" },
      h("a", { class: "button secondary", href: `/history?q=${encodeURIComponent(info.id ?? id)}`, "data-nav": true }, "历年对比")));

  const summaryLine = h("div", { class: "card" },
    h("div", { class: "card-head" }, h("h2", null, "审核发现"), countBadges(info.findings || countsOf(findings)),
      h("span", { class: "aside" }, "每条发现显示在所涉字段旁；编号与表中标记对应")),
    unplaced.length ? unplaced.map((f) => findingCard(f, numbers.get(f))) : null,
    findings.length === 0 ? h("p", { class: "empty" }, "本项目没有审核发现。") : null,
    (view.published_also || []).length ? h("p", { class: "small" }, "同一项目亦公开于：",
      view.published_also.map((r, i) => [i ? "、" : "", link(`/projects/${r.project_id}`, `${r.issuer || r.source}（项目 ${r.seq}）`)]),
      info.counted === false ? "。本条为重复公开，合计时不计入。" : "。合计时只计一次。") : null);

  show(head, summaryLine, form, narrativeCard(p, placed, numbers), unreadableCard(p));
  const table = form.querySelector ? form.querySelector("table.form") : null;
  if (table) {
    for (const td of table.querySelectorAll("td.notes")) {
      const inner = h("div", { class: "notes-inner" });
      inner.append(...td.childNodes);
      td.appendChild(inner);
    }
    layoutSidenotes();
  }
}

// Finding cards beside the form are laid out like margin notes: each group starts level with
// its row, or just below the previous group when that one is taller than its rows, so cards
// never stretch the form's rows and never overlap. The form gets room below for the last ones.
function layoutSidenotes() {
  for (const table of document.querySelectorAll("table.form")) {
    let previousBottom = -Infinity;
    const tableTop = table.getBoundingClientRect().top;
    for (const inner of table.querySelectorAll("td.notes > .notes-inner")) {
      inner.style.top = "0px";
      if (!inner.childElementCount) continue;
      const cellTop = inner.parentElement.getBoundingClientRect().top - tableTop;
      const top = Math.max(cellTop, previousBottom + 6);
      inner.style.top = `${top - cellTop}px`;
      previousBottom = top + inner.offsetHeight;
    }
    const overflow = previousBottom - table.offsetHeight;
    table.style.marginBottom = overflow > 0 ? `${Math.ceil(overflow)}px` : "0px";
  }
}
window.addEventListener("resize", layoutSidenotes);

// True when some finding is shown beside a field of the form (not the narrative).
function formHasNotes(placed) {
  for (const [slot, list] of placed) {
    if (list.length && !/^(li\d+|sec\d+|line_items|narrative_budget|sections)$/.test(slot)) return true;
  }
  return false;
}

function countsOf(findings) {
  const c = { error: 0, warning: 0, advice: 0 };
  for (const f of findings) c[f.severity] = (c[f.severity] || 0) + 1;
  return c;
}

function narrativeCard(p, placed, numbers) {
  const sections = p.sections || [];
  const items = p.line_items || [];
  if (!p.has_narrative && sections.length === 0 && items.length === 0) return null;
  const cards = (slot) => (placed.get(slot) || []).map((f) => findingCard(f, numbers.get(f)));
  const parts = [h("div", { class: "card-head" }, h("h2", null, "项目经费情况说明"),
    p.narrative_title ? h("span", { class: "aside" }, p.narrative_title) : null)];
  const budgetNotes = cards("narrative_budget");
  parts.push(h("p", null, "说明中所述预算：",
    h("b", null, p.narrative_budget_wan ? `${wanDisplay(p.narrative_budget_wan)} 万元` : "未说明"),
    p.funds_yuan && p.funds_yuan.total ? h("span", { class: "muted" }, `（申报表项目资金总额 ${wanFromYuan(p.funds_yuan.total)} 万元）`) : null));
  if (budgetNotes.length) parts.push(h("div", null, budgetNotes));

  const sectionNotes = cards("sections");
  if (sectionNotes.length) parts.push(h("div", null, sectionNotes));
  let currentSub = null;
  const body = h("div", { class: "narrative" });
  sections.forEach((sec, i) => {
    if (sec.sub_project && sec.sub_project !== currentSub) {
      currentSub = sec.sub_project;
      const sub = (p.sub_projects || []).find((x) => x.title === currentSub);
      body.appendChild(h("h3", null, currentSub, sub && sub.budget_wan ? h("span", { class: "muted small" }, `（${wanDisplay(sub.budget_wan)} 万元）`) : null));
    }
    const text = sec.classified ? h("p", { class: "muted" }, "（暂不公开）") : (sec.text || "").split(/\n+/).map((t) => h("p", null, t));
    body.appendChild(h("div", { class: "section" }, h("h4", null, `${sec.number}、${sec.heading}`), text, cards(`sec${i}`)));
  });
  parts.push(body);

  if (items.length) {
    let sumFen = 0n, unknown = 0;
    const itemRows = items.map((li, i) => {
      const fen = li.amount_unit === "万元" ? wanToFen(li.amount) : li.amount_unit === "元" ? toFen(li.amount) : null;
      if (fen === null) unknown++; else sumFen += fen;
      const list = placed.get(`li${i}`) || [];
      return h("tr", { class: list.length ? "flagged " + worstSeverity(list) : null },
        h("td", null, li.name, li.sub_project ? h("div", { class: "muted small" }, li.sub_project) : null),
        h("td", { class: "num" }, li.quantity ? `${li.quantity} ${li.quantity_unit || ""}` : "—"),
        h("td", { class: "num" }, li.unit_price ? `${li.unit_price} ${li.unit_price_unit || ""}` : "—"),
        h("td", { class: "num" }, li.amount ? `${li.amount} ${li.amount_unit || ""}` : "—"),
        h("td", { class: "notes" }, list.map((f) => findingCard(f, numbers.get(f)))));
    });
    parts.push(h("h3", null, "年度预算安排（明细）"));
    const general = cards("line_items");
    if (general.length) parts.push(h("div", null, general));
    parts.push(h("table", { class: "data lineitems", "data-test": "line-items" },
      h("thead", null, h("tr", null, h("th", null, "明细"), h("th", { class: "num" }, "数量"),
        h("th", { class: "num" }, "单价"), h("th", { class: "num" }, "金额"), h("th", null, "审核发现"))),
      h("tbody", null, itemRows),
      h("tfoot", null, h("tr", null, h("td", null, "明细合计"), h("td"), h("td"),
        h("td", { class: "num" }, `${formatScaled(sumFen, 6, 2)} 万元`, unknown ? h("div", { class: "muted small" }, `${unknown} 项单位不明未计入`) : null),
        h("td")))));
  }
  return h("section", { class: "card", "data-test": "narrative" }, parts);
}

function unreadableCard(p) {
  const list = p.unreadable || [];
  if (!list.length) return null;
  return h("section", { class: "card" }, h("h2", null, "无法识别的字段"),
    h("p", { class: "muted small" }, "这些字段在原文中存在但无法可靠读取，未作推测。"),
    h("table", { class: "data" },
      h("thead", null, h("tr", null, h("th", null, "字段"), h("th", null, "原因"), h("th", null, "位置"))),
      h("tbody", null, list.map((u) => h("tr", null, h("td", null, u.field), h("td", null, u.reason),
        h("td", { class: "nowrap" }, linesText(u.lines) || "—"))))));
}

// ---------------------------------------------------------------------------------------------
// History (历年对比)

async function renderHistory(query, token = renderToken) {
  const q = (query.get("q") || "").trim();
  setTitle(q ? `历年对比：${q}` : "历年对比");
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "输入项目名称（可部分）或项目编号",
    "aria-label": "项目名称或编号" });
  const form = h("form", { class: "searchbar", onsubmit: (e) => {
    e.preventDefault();
    const v = input.value.trim();
    if (v) navigate("/history?q=" + encodeURIComponent(v));
  } }, input, h("button", { type: "submit" }, "对比"));
  const head = [h("div", { class: "page-head" }, h("div", null, h("h1", null, "历年对比"),
    h("div", { class: "sub" }, "同一项目在不同年度的资金、日期与指标目标值；识别更名与实施单位调整"))), form];
  if (!q) {
    show(head, h("p", { class: "empty" }, "输入项目名称开始对比，例如“门户网站”。"));
    return;
  }
  show(head, h("div", { class: "loading" }, "正在查找…"));
  const result = await api("/api/history?q=" + encodeURIComponent(q));
  if (!current(token)) return;
  const chains = result.chains || [];
  if (chains.length === 0) {
    show(head, h("div", { class: "notice" }, `没有找到与“${q}”相符的项目。`));
    return;
  }
  show(head, chains.map((chain) => historyCard(chain)));
}

function historyCard(chain) {
  const entries = chain.entries || [];
  const last = entries[entries.length - 1] || {};
  const title = (last.project && last.project.name) || "项目";
  const links = entries.map((e, i) => e.link ? h("div", { class: "link-card" },
    h("b", null, `${entries[i - 1].project.year ?? "?"} → ${e.project.year ?? "?"}`), "：",
    (e.link.reasons || []).join("；"), h("span", { class: "muted" }, `（匹配度 ${(e.link.score * 100).toFixed(0)}%）`),
    e.link.renamed ? h("span", { class: "tag" }, "更名") : null,
    e.link.moved ? h("span", { class: "tag" }, "单位调整") : null) : null).filter(Boolean);
  const rows = (chain.rows || []).map((row) => {
    let previous = null;
    const cells = (row.values || []).map((v) => {
      if (v === null || v === undefined) return h("td", { class: "absent" }, "—");
      const changed = previous !== null && previous !== v;
      previous = v;
      return h("td", { class: "num" + (changed ? " diff" : ""), title: changed ? "与上一年度不同" : null }, displayHistoryValue(row, v));
    });
    return h("tr", { class: row.changed ? "changed" : null },
      h("td", { class: "group" }, row.group), h("td", { class: "label" }, row.label), cells);
  });
  return h("section", { class: "card", "data-test": "history-chain" },
    h("div", { class: "card-head" }, h("h2", null, title),
      h("span", { class: "aside" }, `${entries.length} 个年度 · 有变化的行以 ● 标出，变化的值以底色标出`)),
    links.length ? h("div", { class: "links" }, links) : null,
    h("table", { class: "data history" },
      h("thead", null, h("tr", null, h("th", null, "分组"), h("th", null, "项目"),
        entries.map((e) => h("th", { class: "year" }, link(`/projects/${e.project.id}`, `${e.project.year ?? "?"} 年`))))),
      h("tbody", null, rows)));
}

function displayHistoryValue(row, v) {
  // Funds rows carry yuan amounts as decimal strings.
  if (row.group.startsWith("资金") && /^-?\d+\.\d{2}$/.test(v)) return yuanDisplay(v);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Search (全文检索)

const FIELD_LABELS = { name: "项目名称", goal: "绩效目标", indicator: "绩效指标", narrative: "经费说明",
  implementer: "实施单位", department: "主管部门" };
const PAGE_SIZE = 20;

async function renderSearch(query, token = renderToken) {
  const q = (query.get("q") || "").trim();
  const page = Math.max(1, parseInt(query.get("page") || "1", 10) || 1);
  setTitle(q ? `检索：${q}` : "全文检索");
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "项目名称、目标、指标或说明中的字词（一个字也可以）",
    "aria-label": "检索词" });
  const form = h("form", { class: "searchbar", role: "search", onsubmit: (e) => {
    e.preventDefault();
    const v = input.value.trim();
    if (v) navigate("/search?q=" + encodeURIComponent(v));
  } }, input, h("button", { type: "submit" }, "检索"));
  const head = [h("div", { class: "page-head" }, h("div", null, h("h1", null, "全文检索"),
    h("div", { class: "sub" }, "在项目名称、绩效目标、指标与经费说明中检索；空格分隔的多个词须同时出现"))), form];
  if (!q) {
    show(head);
    input.focus();
    return;
  }
  show(head, h("div", { class: "loading" }, "正在检索…"));
  const result = await api(`/api/search?q=${encodeURIComponent(q)}&limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`);
  if (!current(token)) return;
  const hits = result.hits || [];
  const total = result.total ?? hits.length;
  const countText = `${result.total_is_lower_bound ? "至少 " : ""}${intDisplay(total)} 个项目`;
  const list = hits.map((hit) => h("div", { class: "hit", "data-test": "hit" },
    h("div", { class: "title" }, link(`/projects/${hit.project_id}`, hit.name || "（未识别名称）")),
    h("div", { class: "meta" }, hit.year ? h("span", null, `${hit.year} 年`) : null,
      hit.implementer ? h("span", null, hit.implementer) : null,
      h("span", null, "匹配于：", FIELD_LABELS[hit.field] || hit.field)),
    h("div", { class: "snippet" }, (hit.snippet || []).map((part) => part.match ? h("mark", null, part.text) : part.text))));
  const pages = Math.ceil(total / PAGE_SIZE);
  const pager = pages > 1 ? h("div", { class: "pager" },
    page > 1 ? link(`/search?q=${encodeURIComponent(q)}&page=${page - 1}`, "‹ 上一页") : null,
    h("span", { class: "muted" }, `第 ${page} / ${pages} 页`),
    page < pages ? link(`/search?q=${encodeURIComponent(q)}&page=${page + 1}`, "下一页 ›") : null) : null;
  show(head, h("section", { class: "card" },
    h("div", { class: "card-head" }, h("h2", null, `“${q}”`), h("span", { class: "aside", "data-test": "hit-count" }, countText)),
    hits.length ? list : h("p", { class: "empty" }, "没有找到匹配的项目。"), pager));
}

// ---------------------------------------------------------------------------------------------
// Upload (上传审核)

const MAX_UPLOAD = 20 * 1024 * 1024;

function renderUpload() {
  setTitle("上传审核");
  const fileInput = h("input", { type: "file", name: "file", accept: ".pdf,.txt,application/pdf,text/plain", "data-test": "file" });
  const result = h("div", { class: "upload-result", "aria-live": "polite" });
  const zone = h("label", { class: "dropzone" },
    fileInput,
    h("div", { class: "big" }, "将申报表 PDF 或文本文件拖到这里，或点击选择"),
    h("div", { class: "muted" }, "支持 PDF 与文本（UTF-8 / GBK），不超过 20 MB。文件会被读取、审核并存入数据库。"));
  const upload = async (file) => {
    if (!file) return;
    if (file.size > MAX_UPLOAD) {
      result.replaceChildren(h("div", { class: "notice error", role: "alert" }, h("strong", null, "文件过大"),
        `“${file.name}”有 ${(file.size / 1048576).toFixed(1)} MB，上限为 20 MB。`));
      return;
    }
    result.replaceChildren(h("div", { class: "loading" }, `正在读取与审核“${file.name}”…`));
    const body = new FormData();
    body.append("file", file, file.name);
    try {
      const answer = await api("/api/upload", { method: "POST", body });
      result.replaceChildren(uploadResult(answer));
    } catch (error) {
      result.replaceChildren(h("div", { class: "notice error", role: "alert", "data-test": "upload-error" },
        h("strong", null, `无法导入“${file.name}”`), error.message));
    }
    fileInput.value = "";
  };
  fileInput.addEventListener("change", () => upload(fileInput.files[0]));
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
  show(h("div", { class: "page-head" }, h("div", null, h("h1", null, "上传审核"),
    h("div", { class: "sub" }, "上传一份绩效目标申报文档，立即查看审核发现"))),
  h("section", { class: "card" }, zone), result);
}

const OUTCOMES = {
  added: ["ok", "已导入新文档"],
  new_version: ["ok", "已导入为新版本（旧版本保留）"],
  unchanged: ["", "该文件此前已导入，内容相同，未作更改"],
};

function uploadResult(answer) {
  const ingest = answer.ingest || {};
  const view = answer.document || {};
  const info = view.info || {};
  const [kind, text] = OUTCOMES[answer.outcome] || ["", answer.outcome];
  const projectsBySeq = new Map((view.projects || []).map((p) => [p.seq, p]));
  const findings = view.findings || [];
  const groups = new Map();
  for (const f of findings) {
    const key = f.project_seq || 0;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const counts = info.findings || countsOf(findings);
  const sections = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([seq, list]) => {
    const p = projectsBySeq.get(seq);
    return h("div", { class: "project-findings" },
      h("h3", null, seq === 0 ? "文档级" : p ? link(`/projects/${p.id}`, `${seq}. ${p.name}`) : `项目 ${seq}`,
        countBadges(countsOf(list))),
      list.map((f) => findingCard(f)));
  });
  return h("div", { "data-test": "upload-result" },
    h("div", { class: "notice " + kind }, h("strong", null, text),
      link(`/documents/${info.id ?? ingest.document_id}`, `${info.issuer || info.source || "查看文档"} ${info.year ?? ""}`)),
    h("section", { class: "card" },
      h("div", { class: "summary-line" },
        h("div", null, h("span", { class: "muted" }, "项目"), h("b", null, info.project_count ?? ingest.projects)),
        h("div", null, h("span", { class: "muted" }, "绩效指标"), h("b", null, info.indicator_count ?? ingest.indicators)),
        h("div", null, h("span", { class: "muted" }, "项目资金合计（万元）"), h("b", null, wanFromYuan(yuanOf(info, "total")) ?? "—")),
        h("div", null, h("span", { class: "muted" }, "审核发现"), h("b", null, countBadges(counts)))),
      findings.length ? sections : h("p", { class: "empty" }, "没有审核发现。")));
}
