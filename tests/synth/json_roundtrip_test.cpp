// The JSON contract round-trips generated declarations: to_json → declaration_from_json gives
// back the same model, spans and PDF boxes included.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "synth/generator.h"
#include "synth/rng.h"

namespace jixiao {
namespace {

// Gives every span a distinct position; PDF boxes where `with_boxes`.
class SpanFiller {
 public:
  SpanFiller(std::uint64_t seed, bool with_boxes) : rng_(seed), boxes_(with_boxes) {}

  SourceSpan next(bool box_allowed = true) {
    SourceSpan s;
    s.first_line = static_cast<int>(rng_.between(1, 5000));
    s.last_line = s.first_line + static_cast<int>(rng_.between(0, 6));
    if (boxes_ && box_allowed) {
      // Quarter points: exactly representable, like poppler's coordinates after rounding.
      auto coord = [&] { return static_cast<double>(rng_.between(0, 3200)) / 4.0; };
      s.box = PageBox{static_cast<int>(rng_.between(1, 40)), coord(), coord(), coord(), coord()};
    }
    return s;
  }

  void fill(Declaration& d) {
    d.year.span = next();
    d.issuer.span = next();
    d.header.budget_unit_count.span = next();
    d.header.project_count.span = next();
    d.header.total_wan.span = next();
    d.unreadable.push_back({"header.total_wan", next(), "数字被遮挡"});
    for (auto& p : d.projects) {
      for (auto* f : {&p.narrative_title, &p.name, &p.nature, &p.category, &p.department,
                      &p.implementer, &p.narrative_budget_wan, &p.overall_goal, &p.annual_goal})
        if (f->value) f->span = next();
      for (auto* f : {&p.start, &p.end})
        if (f->value) f->span = next();
      for (auto* f : {&p.funds.total, &p.funds.fiscal, &p.funds.other, &p.funds.annual_total,
                      &p.funds.current_appropriation, &p.funds.carryover, &p.funds.annual_other})
        if (f->value) f->span = next();
      for (auto& s : p.sections) s.span = next();
      for (auto& s : p.sub_projects) {
        s.span = next();
        if (s.budget_wan.value) s.budget_wan.span = next(false);  // the contract keeps lines only
      }
      for (auto& li : p.line_items) li.span = next();
      for (auto& i : p.indicators) i.span = next();
      if (!p.indicators.empty())
        p.unreadable.push_back({"indicators[0].value", next(), "跨行拆分无法确定"});
      p.span = next();
    }
  }

 private:
  synth::Rng rng_;
  bool boxes_;
};

TEST(JsonRoundTrip, GeneratedDeclarations) {
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    synth::GeneratedDocument doc = synth::generate_document(seed);
    Declaration d = doc.model;
    d.source = "doc-" + std::to_string(seed) + ".txt";
    d.sha256 = std::string(64, 'f');
    d.layout = seed % 2 ? "line-broken" : "pdf";
    d.encoding = "UTF-8";
    SpanFiller(seed, d.layout == "pdf").fill(d);
    nlohmann::json j = to_json(d);
    auto back = declaration_from_json(nlohmann::json::parse(j.dump()));
    ASSERT_TRUE(back.ok()) << "seed " << seed << ": " << back.error().describe();
    ASSERT_EQ(*back, d) << "seed " << seed << " does not round-trip; JSON:\n" << j.dump(1);
  }
}

}  // namespace
}  // namespace jixiao
