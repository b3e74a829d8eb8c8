// The generator's promises: reproducible from a seed, form identities hold, header claims match
// the projects, style choices are consistent with the model, values use the real styles.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "model/json_io.h"
#include "synth/generator.h"
#include "synth/rng.h"
#include "synth/text_wrap.h"

namespace jixiao {
namespace {

using synth::generate_document;

TEST(Rng, RangesAreInclusiveAndCoverEveryValue) {
  synth::Rng rng(42);
  std::set<std::int64_t> seen;
  for (int k = 0; k < 2000; ++k) {
    std::int64_t v = rng.between(-3, 3);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 3);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(rng.between(5, 5), 5);
  int hits = 0;
  for (int k = 0; k < 10000; ++k) hits += rng.percent(30);
  EXPECT_GT(hits, 2700);
  EXPECT_LT(hits, 3300);
}

TEST(Rng, SameSeedSameStreamOnEveryMachine) {
  // std::mt19937_64's 10000th output is fixed by the C++ standard; our range functions are
  // plain integer arithmetic on it, so these values are the same on every standard library.
  std::mt19937_64 reference;
  reference.discard(9999);
  EXPECT_EQ(reference(), 9981545732273789042ULL);
  synth::Rng a(7), b(7);
  for (int k = 0; k < 100; ++k) EXPECT_EQ(a.between(0, 1'000'000), b.between(0, 1'000'000));
  EXPECT_NE(synth::mix_seed(1, 2), synth::mix_seed(2, 1));
}

TEST(Generator, SameSeedSameDocument) {
  for (std::uint64_t seed : {1ULL, 99ULL, 123456789ULL}) {
    auto a = generate_document(seed);
    auto b = generate_document(seed);
    EXPECT_EQ(a.model, b.model);
    EXPECT_EQ(to_json(a.model).dump(), to_json(b.model).dump());
  }
  EXPECT_NE(generate_document(1).model, generate_document(2).model);
}

TEST(Generator, FundsIdentitiesAndHeaderClaims) {
  int header_total_matches = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    auto doc = generate_document(seed);
    const Declaration& d = doc.model;
    ASSERT_FALSE(d.projects.empty());
    ASSERT_EQ(doc.narratives.size(), d.projects.size());
    Money annual_sum;
    for (const auto& p : d.projects) {
      const Funds& f = p.funds;
      ASSERT_TRUE(f.total.value && f.fiscal.value && f.other.value && f.annual_total.value &&
                  f.current_appropriation.value && f.carryover.value && f.annual_other.value);
      EXPECT_EQ(*f.total.value, *f.fiscal.value + *f.other.value) << "seed " << seed;
      EXPECT_EQ(*f.annual_total.value,
                *f.current_appropriation.value + *f.carryover.value + *f.annual_other.value)
          << "seed " << seed;
      EXPECT_GE(f.carryover.value->fen(), 0);
      EXPECT_GE(f.current_appropriation.value->fen(), 0);
      EXPECT_LE(f.annual_total.value->fen(), f.total.value->fen());
      EXPECT_LE(*p.start.value, *p.end.value);
      annual_sum += *f.annual_total.value;
    }
    ASSERT_TRUE(d.header.total_wan.value);
    header_total_matches += *d.header.total_wan.value == annual_sum.wan_string(2);
    EXPECT_GE(*d.header.project_count.value, static_cast<int>(d.projects.size()));
    EXPECT_LE(*d.header.project_count.value, static_cast<int>(d.projects.size()) + 1);
  }
  // A few headers disagree with their forms on purpose (as real ones do); most agree.
  EXPECT_GT(header_total_matches, 270);
}

TEST(Generator, StyleIsConsistentWithTheModel) {
  const std::set<std::string> l1s = {"成本指标", "产出指标", "效益指标", "满意度指标"};
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    auto doc = generate_document(seed);
    for (const auto& p : doc.model.projects) {
      EXPECT_EQ(p.nature.has_value(), !doc.style.filling_form) << "seed " << seed;
      std::set<std::string> names;
      for (const auto& ind : p.indicators) {
        EXPECT_TRUE(l1s.count(ind.l1)) << ind.l1;
        if (ind.l2 == "成本指标") {
          EXPECT_TRUE(doc.style.cost_under_output);
        }
        if (ind.l1 == "成本指标") {
          EXPECT_FALSE(doc.style.cost_under_output);
        }
        EXPECT_TRUE(names.insert(ind.name).second) << "duplicate 三级 name " << ind.name;
        EXPECT_EQ(ind.target, Target::parse(ind.value));
        EXPECT_EQ(ind.value.find(' '), std::string::npos);
        if (doc.style.value_style == synth::ValueStyle::kDecorated && ind.target.quantitative() &&
            ind.target.prefix.empty()) {
          EXPECT_NE(ind.value.find('.'), std::string::npos) << ind.value;  // "≥90.00(%)"
        }
      }
      if (p.has_narrative) {
        ASSERT_EQ(p.sections.size(), 7 * std::max<std::size_t>(1, p.sub_projects.size()));
        const auto& layout = doc.narratives[static_cast<std::size_t>(p.seq - 1)];
        ASSERT_EQ(layout.section_blocks.size(), p.sections.size());
        for (std::size_t k = 0; k < p.sections.size(); ++k)
          EXPECT_EQ(p.sections[k].text, synth::section_text(layout.section_blocks[k]));
      } else {
        EXPECT_FALSE(p.narrative_title.has_value());
        EXPECT_TRUE(p.sections.empty());
      }
    }
  }
}

TEST(Generator, CoversTheRealVariants) {
  bool filling = false, declaration = false, cost_l1 = false, cost_l2 = false, subs = false,
       classified = false, plain_values = false, decorated_values = false, multi_year = false,
       prefixed = false, qualitative = false, carryover = false;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    auto doc = generate_document(seed);
    (doc.style.filling_form ? filling : declaration) = true;
    (doc.style.value_style == synth::ValueStyle::kPlain ? plain_values : decorated_values) = true;
    for (const auto& p : doc.model.projects) {
      subs |= p.sub_projects.size() >= 2;
      multi_year |= p.start.value->year < p.end.value->year;
      carryover |= p.funds.carryover.value->fen() > 0;
      for (const auto& s : p.sections) classified |= s.classified;
      for (const auto& i : p.indicators) {
        cost_l1 |= i.l1 == "成本指标";
        cost_l2 |= i.l2 == "成本指标";
        prefixed |= !i.target.prefix.empty();
        qualitative |= !i.target.quantitative();
      }
    }
  }
  EXPECT_TRUE(filling && declaration && cost_l1 && cost_l2 && subs && classified && plain_values &&
              decorated_values && multi_year && prefixed && qualitative && carryover);
}

TEST(TextWrap, CellsBreakLikeTableCells) {
  using synth::wrap_cell;
  EXPECT_EQ(wrap_cell("上海市松江区人民政府办公室", 14),
            (std::vector<std::string>{"上海市松江区人", "民政府办公室"}));
  // Closing punctuation hangs on the line before instead of starting a line.
  EXPECT_EQ(wrap_cell("保障援外干部人才，", 8),
            (std::vector<std::string>{"保障援外", "干部人才，"}));
  // A number stays whole unless it alone is wider than the cell.
  EXPECT_EQ(wrap_cell("=56850 份", 6), (std::vector<std::string>{"=56850", "份"}));
  EXPECT_EQ(wrap_cell("151225380.00", 11), (std::vector<std::string>{"151225380.0", "0"}));
  EXPECT_TRUE(wrap_cell("", 10).empty());
  EXPECT_EQ(synth::display_width("≥2.00(家)"), 10);
}

TEST(TextWrap, PdfSpacingSeparatesDigitsFromChinese) {
  synth::Rng rng(1);
  EXPECT_EQ(synth::pdf_spacing("预算资金约3778万元。", rng, 100), "预算资金约 3778 万元。");
  EXPECT_EQ(synth::pdf_spacing("≥2.00(家)", rng, 100), "≥2.00(家)");
  EXPECT_EQ(synth::pdf_spacing("2024年", rng, 0), "2024年");
}

}  // namespace
}  // namespace jixiao
