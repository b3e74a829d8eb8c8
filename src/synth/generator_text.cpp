// Narrative text of generated projects: sections 一…七, budget line items, goal sentences.
#include <algorithm>
#include <array>

#include "model/money.h"
#include "synth/generator_parts.h"
#include "synth/vocabulary.h"

namespace jixiao::synth::detail {
namespace {

std::string str(std::string_view s) { return std::string(s); }

const char* kChineseNumbers[] = {"一", "二", "三", "四", "五", "六", "七"};
const char* kHeadings[] = {"项目概述", "立项依据", "实施主体", "实施方案",
                           "实施周期", "年度预算安排", "绩效目标"};
constexpr const char* kClassified = "涉密项目，根据相关要求，暂不公开。";

BodyBlock paragraph(std::string text) { return BodyBlock{BodyBlock::Kind::kParagraph, {std::move(text)}}; }
BodyBlock row(std::vector<std::string> cells) {
  return BodyBlock{BodyBlock::Kind::kTableRow, std::move(cells)};
}

std::string join_works(const std::vector<std::string>& works) {
  std::string out;
  for (std::size_t k = 0; k < works.size(); ++k) {
    if (k > 0) out += "、";
    out += works[k];
  }
  return out;
}

std::string policy(Rng& rng, const ProjectPlan& plan) {
  if (rng.percent(40)) return str(rng.pick(vocab::kNationalPolicies));
  std::string who = rng.percent(50) ? "上海市" : "区";
  return "《" + who + str(rng.pick(vocab::kPolicyHeads)) + plan.topic +
         str(rng.pick(vocab::kPolicyTails)) + "》";
}

std::string period(int y1, int m1, int y2, int m2, bool dash) {
  return std::to_string(y1) + "年" + std::to_string(m1) + "月" + (dash ? "-" : "至") +
         std::to_string(y2) + "年" + std::to_string(m2) + "月";
}

// A price in units of 0.0001 of its currency unit, from realistic price points.
struct Price {
  std::int64_t scaled;  // × 10^-4
  bool wan;             // price in 万元 (else 元)
};

Price random_price(Rng& rng, vocab::PriceClass cls) {
  static const std::int64_t kPiece[] = {5000, 10000, 20000, 50000, 100000, 300000, 500000};
  static const std::int64_t kPerson[] = {500000, 1000000, 1500000, 3000000, 5000000,
                                         8000000, 20000000, 50000000, 500000000};
  static const std::int64_t kServiceWan[] = {6, 720, 980, 3000, 5000, 10000, 21050,
                                             30000, 70000, 90000, 150000, 250000, 270000};
  switch (cls) {
    case vocab::PriceClass::kPiece: return {rng.pick(kPiece), false};
    case vocab::PriceClass::kPerson: return {rng.pick(kPerson), false};
    case vocab::PriceClass::kService: break;
  }
  return {rng.pick(kServiceWan), true};
}

}  // namespace

std::string decimal_minimal(std::int64_t value, int scale) {
  std::string s = format_scaled_decimal(value, scale, scale);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

std::string goal_sentence(Rng& rng, const ProjectPlan& plan) {
  std::size_t n = plan.works.size();
  std::size_t i1 = rng.index(n);
  std::size_t i2 = n > 1 ? (i1 + 1 + rng.index(n - 1)) % n : i1;
  const std::string& w1 = plan.works[i1];
  const std::string& w2 = plan.works[i2];
  std::string verb = str(rng.pick(vocab::kGoalVerbs));
  std::string object = str(rng.pick(vocab::kGoalObjects));
  // Templates 0 and 2 name two different works.
  switch (n > 1 ? rng.between(0, 4) : rng.pick(std::array<std::int64_t, 3>{1, 3, 4})) {
    case 0: return "通过" + w1 + "和" + w2 + "，" + verb + object + "。";
    case 1:
      return verb + object + "，确保" + plan.topic + "工作" + str(rng.pick(vocab::kGoalTails)) +
             "。";
    case 2: return "完成" + w1 + "、" + w2 + "等工作，" + verb + object + "。";
    case 3:
      return "到" + std::to_string(plan.year) + "年末做好" + plan.topic + w1 + "工作，" + verb +
             object + "。";
    default:
      return "按照有关规定做好" + w1 + "，" + verb + object + "，" + str(rng.pick(vocab::kGoalVerbs)) +
             str(rng.pick(vocab::kGoalObjects)) + "。";
  }
}

std::vector<LineItem> generate_line_items(Rng& rng, const std::string& sub_project,
                                          std::int64_t& total_fen) {
  std::vector<LineItem> items;
  total_fen = 0;
  // One printing convention per table: units beside every number, units on price and amount
  // only, or no units at all (the table's heading implies 万元).
  int convention = static_cast<int>(rng.between(0, 2));
  int count = static_cast<int>(rng.between(1, 6));
  std::vector<std::string> used;
  for (int k = 0; k < count; ++k) {
    const auto& word = rng.pick(vocab::kLineItems);
    std::string name(word.name);
    if (std::find(used.begin(), used.end(), name) != used.end()) continue;
    used.push_back(name);
    Price price = random_price(rng, word.price);
    if (convention == 2 && !price.wan) {
      price = Price{price.scaled / 10000, true};  // the bare convention prices everything in 万元
      if (price.scaled == 0) price.scaled = 5;
    }
    std::int64_t quantity = word.price == vocab::PriceClass::kPiece
                                ? rng.between(10, 600) * 50
                                : word.price == vocab::PriceClass::kPerson ? rng.between(1, 120)
                                                                           : rng.between(1, 6);
    // fen = quantity × price: 10^-4 元 is 1/100 fen; 10^-4 万元 is 1 元 = 100 fen.
    std::int64_t fen = price.wan ? quantity * price.scaled * 100 : quantity * price.scaled / 100;
    if (fen <= 0) continue;
    total_fen += fen;
    LineItem li;
    li.name = name;
    li.quantity = std::to_string(quantity);
    li.unit_price = decimal_minimal(price.scaled, 4);
    li.sub_project = sub_project;
    bool amount_in_wan = price.wan || (fen >= 100'000'000 && fen % 10'000 == 0 && rng.percent(60));
    li.amount = amount_in_wan ? decimal_minimal(fen, 6) : decimal_minimal(fen, 2);
    if (convention == 0) {
      li.quantity_unit = std::string(word.quantity_unit);
      li.unit_price_unit = (price.wan ? "万元/" : "元/") + std::string(word.quantity_unit);
      li.amount_unit = amount_in_wan ? "万元" : "元";
    } else if (convention == 1) {
      li.unit_price_unit = price.wan ? "万元" : "元";
      li.amount_unit = amount_in_wan ? "万元" : "元";
    } else {
      li.amount = decimal_minimal(fen, 6);  // all in 万元, implied by the heading
    }
    items.push_back(std::move(li));
  }
  return items;
}

NarrativeParts generate_sections(Rng& rng, const ProjectPlan& plan, bool numbered_arabic,
                                 const std::string& budget_wan, std::int64_t total_fen,
                                 const std::vector<LineItem>& items, const std::string& sub_project,
                                 int start_month, int end_year, int end_month) {
  NarrativeParts out;
  int start_year = plan.multi_year ? plan.year - 1 : plan.year;
  const std::string& unit = plan.issuer_unit;
  for (int k = 0; k < 7; ++k) {
    std::vector<BodyBlock> blocks;
    bool classified = plan.classified && k != 5;
    if (classified) {
      blocks.push_back(paragraph(kClassified));
    } else if (k == 0) {
      std::string s = rng.percent(50)
                          ? "主要实施内容为" + join_works(plan.works) + "，经测算，预算资金约" +
                                budget_wan + "万元。"
                          : unit + "拟于" + period(start_year, start_month, end_year, end_month, false) +
                                "实施" + plan.topic + "项目，主要实施内容为" + join_works(plan.works) +
                                "，经测算，预算资金约" + budget_wan + "万元。";
      blocks.push_back(paragraph(s + goal_sentence(rng, plan)));
    } else if (k == 1) {
      std::string s = policy(rng, plan);
      if (rng.percent(60)) s += "、" + policy(rng, plan);
      blocks.push_back(paragraph(s + "等。"));
    } else if (k == 2) {
      blocks.push_back(paragraph("该项目责任主体为" + unit + plan.office + "，主要职能是" +
                                 str(rng.pick(vocab::kDuties)) + "。"));
    } else if (k == 3) {
      blocks.push_back(paragraph(join_works(plan.works) + "由" + plan.office + "统筹实施，" +
                                 goal_sentence(rng, plan)));
      if (rng.percent(40)) blocks.push_back(paragraph(goal_sentence(rng, plan)));
    } else if (k == 4) {
      blocks.push_back(paragraph(
          (rng.percent(50) ? "该项目的实施周期为" : "实施周期为") +
          period(start_year, start_month, end_year, end_month, rng.percent(40)) + "。"));
    } else if (k == 5) {
      if (!items.empty()) {
        if (rng.percent(40)) blocks.push_back(paragraph("具体内容如下："));
        bool bare = items.front().amount_unit.empty();
        std::string head = rng.percent(40) ? plan.topic + "项目组成" : "项目组成";
        // Bare tables (numbers without units) are headed without units too, as in the samples.
        blocks.push_back(row({head, "数量", "单价", "资金需求"}));
        for (const auto& li : items)
          blocks.push_back(row({li.name, li.quantity + li.quantity_unit,
                                li.unit_price + li.unit_price_unit, li.amount + li.amount_unit}));
        if (rng.percent(30)) blocks.push_back(row({"合计", decimal_minimal(total_fen, bare ? 6 : 2)}));
      } else {
        std::string wan = decimal_minimal(total_fen, 6);
        blocks.push_back(paragraph(rng.percent(50)
                                       ? std::to_string(plan.year) + "年项目预算金额" + wan + "万元。"
                                       : "根据" + std::to_string(plan.year) +
                                             "年申报情况，年度预算资金需求为" + wan + "万元。"));
      }
    } else {
      blocks.push_back(paragraph(numbered_arabic ? "详见单位的项目绩效目标表。"
                                                 : "详见单位的项目绩效目标表"));
    }
    NarrativeSection section;
    section.number = numbered_arabic ? std::to_string(k + 1) : kChineseNumbers[k];
    section.heading = kHeadings[k];
    section.sub_project = sub_project;
    section.classified = classified;
    out.sections.push_back(std::move(section));
    out.blocks.push_back(std::move(blocks));
  }
  for (std::size_t k = 0; k < out.sections.size(); ++k)
    out.sections[k].text = section_text(out.blocks[k]);
  return out;
}

}  // namespace jixiao::synth::detail
