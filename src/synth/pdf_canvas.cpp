#include "synth/pdf_canvas.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <numeric>
#include <utility>

namespace jixiao::synth {
namespace {

constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56;
constexpr double kCellPadding = 4;
constexpr double kBorderWidth = 0.5;
constexpr const char* kFontFamily = "Noto Sans CJK SC";

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Error canvas_error(std::string message) { return Error{"", 0, "", std::move(message)}; }

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

}  // namespace

struct PdfCanvas::Impl {
  std::string bytes;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoContext* context = nullptr;
  double y = kMargin;
  bool page_used = false;

  ~Impl() {
    if (context) g_object_unref(context);
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  LayoutPtr layout(std::string_view text, double size, bool bold, double width, bool centered,
                   double indent = 0) {
    LayoutPtr l(pango_layout_new(context));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFontFamily);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), centered ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    if (indent > 0) pango_layout_set_indent(l.get(), static_cast<int>(indent * PANGO_SCALE));
    pango_layout_set_text(l.get(), text.data(), static_cast<int>(text.size()));
    return l;
  }

  static double height_of(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  double bottom() const { return kPageHeight - kMargin; }

  void next_page() {
    cairo_show_page(cr);
    y = kMargin;
    page_used = false;
  }

  void draw_text(PangoLayout* l, double x, double top) {
    cairo_move_to(cr, x, top);
    pango_cairo_show_layout(cr, l);
    page_used = true;
  }

  void stroke_box(double x, double top, double w, double h) {
    cairo_rectangle(cr, x, top, w, h);
    cairo_stroke(cr);
    page_used = true;
  }
};

PdfCanvas::PdfCanvas(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfCanvas::~PdfCanvas() = default;

Result<std::unique_ptr<PdfCanvas>> PdfCanvas::create() {
  auto impl = std::make_unique<Impl>();
  impl->surface =
      cairo_pdf_surface_create_for_stream(append_bytes, &impl->bytes, kPageWidth, kPageHeight);
  if (cairo_surface_status(impl->surface) != CAIRO_STATUS_SUCCESS)
    return canvas_error("cairo 无法创建 PDF 画布");
  impl->cr = cairo_create(impl->surface);
  cairo_set_line_width(impl->cr, kBorderWidth);
  cairo_set_source_rgb(impl->cr, 0, 0, 0);
  // The per-thread default font map keeps fonts loaded between documents.
  impl->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
  // 72 dpi: pango sizes are then points, as on the page (pango's default 96 dpi scales by 4/3).
  pango_cairo_context_set_resolution(impl->context, 72);
  pango_cairo_update_context(impl->cr, impl->context);

  PangoFontDescription* wanted = pango_font_description_from_string(kFontFamily);
  PangoFont* font = pango_context_load_font(impl->context, wanted);
  pango_font_description_free(wanted);
  bool found = false;
  if (font) {
    PangoFontDescription* got = pango_font_describe(font);
    const char* family = pango_font_description_get_family(got);
    found = family && std::string_view(family).find("CJK") != std::string_view::npos;
    pango_font_description_free(got);
    g_object_unref(font);
  }
  if (!found) return canvas_error("缺少字体 Noto Sans CJK SC（请安装 fonts-noto-cjk）");
  return std::unique_ptr<PdfCanvas>(new PdfCanvas(std::move(impl)));
}

double PdfCanvas::content_width() const { return kPageWidth - 2 * kMargin; }

void PdfCanvas::space(double points) {
  impl_->y += points;
  if (impl_->y > impl_->bottom()) impl_->next_page();
}

void PdfCanvas::new_page() {
  if (impl_->page_used) impl_->next_page();
}

void PdfCanvas::paragraph(std::string_view text, const TextStyle& style) {
  Impl& d = *impl_;
  LayoutPtr l = d.layout(text, style.size, style.bold, content_width(), style.centered,
                         style.first_line_indent_em * style.size);
  // Line by line, so that a paragraph longer than the page's rest continues on the next page.
  PangoLayoutIter* it = pango_layout_get_iter(l.get());
  double shift = d.y;  // page y of the layout's y = 0
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    double top = static_cast<double>(logical.y) / PANGO_SCALE;
    double height = static_cast<double>(logical.height) / PANGO_SCALE;
    if (shift + top + height > d.bottom() && d.page_used) {
      d.next_page();
      shift = d.y - top;
    }
    double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
    cairo_move_to(d.cr, kMargin + static_cast<double>(logical.x) / PANGO_SCALE, shift + baseline);
    pango_cairo_show_layout_line(d.cr, pango_layout_iter_get_line_readonly(it));
    d.page_used = true;
    d.y = shift + top + height;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

void PdfCanvas::table(const Table& table) {
  Impl& d = *impl_;
  const std::size_t n_rows = table.rows.size();
  if (n_rows == 0) return;
  std::vector<double> col_x(table.widths.size() + 1, kMargin);
  for (std::size_t c = 0; c < table.widths.size(); ++c) col_x[c + 1] = col_x[c] + table.widths[c];
  auto span_width = [&](const TableCell& cell) {
    std::size_t last = std::min(col_x.size() - 1, static_cast<std::size_t>(cell.col + cell.colspan));
    return col_x[last] - col_x[static_cast<std::size_t>(cell.col)];
  };

  // Lay out every cell, then size rows: a row is as tall as its tallest one-row cell; a merged
  // cell that needs more than its rows give stretches its last row.
  struct Placed {
    const TableCell* cell;
    std::size_t row;
    LayoutPtr layout;
    double needed;  // text height plus padding
  };
  std::vector<Placed> cells;
  double min_row = Impl::height_of(d.layout("国", table.font_size, false, 100, false).get()) +
                   2 * kCellPadding;
  std::vector<double> heights(n_rows, min_row);
  for (std::size_t r = 0; r < n_rows; ++r)
    for (const TableCell& cell : table.rows[r].cells) {
      LayoutPtr l = d.layout(cell.text, table.font_size, false,
                             span_width(cell) - 2 * kCellPadding, cell.centered);
      double needed = Impl::height_of(l.get()) + 2 * kCellPadding;
      if (cell.rowspan <= 1) heights[r] = std::max(heights[r], needed);
      cells.push_back(Placed{&cell, r, std::move(l), needed});
    }
  for (const Placed& p : cells) {
    if (p.cell->rowspan <= 1) continue;
    std::size_t last = std::min(n_rows, p.row + static_cast<std::size_t>(p.cell->rowspan)) - 1;
    double have = std::accumulate(heights.begin() + static_cast<std::ptrdiff_t>(p.row),
                                  heights.begin() + static_cast<std::ptrdiff_t>(last) + 1, 0.0);
    if (have < p.needed) heights[last] += p.needed - have;
  }

  // Paginate: a row moves to a new page when it, or the text of a merged cell starting in it,
  // does not fit below the current position.
  std::vector<int> row_page(n_rows);
  std::vector<double> row_top(n_rows);
  int page = 0;
  double y = d.y;
  for (std::size_t r = 0; r < n_rows; ++r) {
    double need = heights[r];
    for (const Placed& p : cells)
      if (p.row == r) need = std::max(need, p.needed);
    bool page_has_content = page > 0 ? y > kMargin : (d.page_used || y > kMargin);
    if (y + need > d.bottom() && page_has_content) {
      ++page;
      y = kMargin;
    }
    row_page[r] = page;
    row_top[r] = y;
    y += heights[r];
  }

  for (int current = 0; current <= page; ++current) {
    if (current > 0) d.next_page();
    for (const Placed& p : cells) {
      std::size_t last = std::min(n_rows, p.row + static_cast<std::size_t>(p.cell->rowspan)) - 1;
      double x = col_x[static_cast<std::size_t>(p.cell->col)];
      double w = span_width(*p.cell);
      // The part of the cell on this page: its rows that landed here.
      double top = -1, bottom = -1;
      for (std::size_t r = p.row; r <= last; ++r) {
        if (row_page[r] != current) continue;
        if (top < 0) top = row_top[r];
        bottom = row_top[r] + heights[r];
      }
      if (top < 0) continue;
      d.stroke_box(x, top, w, bottom - top);
      if (row_page[p.row] != current) continue;  // text sits in the cell's first part only
      bool whole_here = row_page[last] == current;
      double text_h = p.needed - 2 * kCellPadding;
      double text_top = table.centre_vertically && whole_here
                            ? top + (bottom - top - text_h) / 2
                            : top + kCellPadding;
      d.draw_text(p.layout.get(), x + kCellPadding, text_top);
    }
  }
  d.y = row_top[n_rows - 1] + heights[n_rows - 1];
}

Result<std::string> PdfCanvas::finish() {
  Impl& d = *impl_;
  cairo_destroy(d.cr);
  d.cr = nullptr;
  cairo_surface_finish(d.surface);
  if (cairo_surface_status(d.surface) != CAIRO_STATUS_SUCCESS)
    return canvas_error(std::string("cairo 写 PDF 失败：") +
                        cairo_status_to_string(cairo_surface_status(d.surface)));
  return std::move(d.bytes);
}

}  // namespace jixiao::synth
