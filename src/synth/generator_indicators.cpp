// Indicator tables (绩效指标) of generated projects: realistic 一级/二级 combinations, 三级 names
// built around the project's topic, and values in every printed style of the real forms.
#include <algorithm>

#include "model/target.h"
#include "synth/generator_parts.h"

namespace jixiao::synth::detail {
namespace {

// What kind of value a row carries; decides the number range, unit and qualitative words.
enum class ValueKind {
  kCount,         // ≥4.00(次), =56850份
  kRate,          // ≥90.00(%), =100%
  kLowRate,       // ≤5.00(%)
  kDuration,      // ≤24.00(小时), <=3分钟, 48小时内, 及时
  kMoney,         // ≤25.00(万元), =700元/月, 合理
  kQuality,       // 达标, 稳定, 准确 …
  kEffect,        // 提升, 减少, 良好 …
  kSustain,       // 健全, 有效 …
  kSatisfaction,  // ≥90.00(%), >=85%, 满意
  kComplaints,    // <=5次, 全年≤5次
  kRatePrefixed,  // 全年稳定运行率≥95%
  kConditional,   // 测评标准未大幅修改时，当年等保测评分≥上一期分数 (qualitative)
};

struct RowTemplate {
  const char* name;  // "{t}" is replaced by the project's topic, "{w}" by one of its works
  ValueKind kind;
  const char* unit = "";  // kCount: the counted unit (empty: a generic one)
};

constexpr RowTemplate kQuantity[] = {
    {"{t}巡检次数", ValueKind::kCount, "次"},   {"{w}服务次数", ValueKind::kCount, "次"},
    {"培训参训人数", ValueKind::kCount, "人"},  {"{t}宣传活动场次", ValueKind::kCount, "场"},
    {"发放宣传单数量", ValueKind::kCount, "份"}, {"{w}报告数量", ValueKind::kCount, "篇"},
    {"覆盖网点数量", ValueKind::kCount, "个"},  {"接待人员数量", ValueKind::kCount, "人"},
    {"{t}测评数", ValueKind::kCount, "家"},     {"设备维护台数", ValueKind::kCount, "台"},
    {"计划完成率", ValueKind::kRate},     {"{t}覆盖率", ValueKind::kRate},
    {"完成{w}数量", ValueKind::kCount},   {"每月发送量", ValueKind::kCount, "万条/月"}};
constexpr RowTemplate kQualityRows[] = {
    {"{t}验收合格率", ValueKind::kRate},   {"项目完成率", ValueKind::kRate},
    {"{w}通过率", ValueKind::kRate},       {"服务质量达标率", ValueKind::kRate},
    {"{t}稳定性", ValueKind::kQuality},    {"{w}完整性", ValueKind::kQuality},
    {"工作完成质量", ValueKind::kQuality}, {"信息准确性", ValueKind::kQuality},
    {"全年故障发生率", ValueKind::kLowRate}, {"{w}差错率", ValueKind::kLowRate}};
constexpr RowTemplate kTimeliness[] = {
    {"{t}完成及时性", ValueKind::kDuration}, {"故障响应时间", ValueKind::kDuration},
    {"故障维修及时性", ValueKind::kDuration}, {"{w}完成时间", ValueKind::kDuration},
    {"测评按时完成情况", ValueKind::kDuration}, {"{t}处理及时率", ValueKind::kRate}};
constexpr RowTemplate kEconomicCost[] = {
    {"成本合理性", ValueKind::kMoney},     {"平均月租费", ValueKind::kMoney},
    {"年人均成本", ValueKind::kMoney},     {"{w}单价", ValueKind::kMoney},
    {"服务费用", ValueKind::kMoney},       {"成本控制率", ValueKind::kMoney},
    {"基础月租费", ValueKind::kMoney},     {"{t}活动成本", ValueKind::kMoney}};
constexpr RowTemplate kSocialCost[] = {{"对社会公众的影响", ValueKind::kEffect}};
constexpr RowTemplate kEcoCost[] = {{"对生态环境的影响", ValueKind::kEffect}};
constexpr RowTemplate kEconomicBenefit[] = {
    {"{t}运维成本", ValueKind::kEffect}, {"节省用人成本", ValueKind::kEffect},
    {"带动社会投资", ValueKind::kEffect}};
constexpr RowTemplate kSocialBenefit[] = {
    {"{t}公众知晓率", ValueKind::kRate},    {"示范效应", ValueKind::kEffect},
    {"{t}社会影响力", ValueKind::kEffect},  {"支撑网上办事的公众反响", ValueKind::kEffect},
    {"群众获得感", ValueKind::kEffect},     {"用户驻场服务的投诉次数", ValueKind::kComplaints},
    {"系统运行稳定率", ValueKind::kRatePrefixed}};
constexpr RowTemplate kEcoBenefit[] = {{"办公用纸量", ValueKind::kEffect},
                                       {"能源消耗", ValueKind::kEffect}};
constexpr RowTemplate kSustainable[] = {
    {"长效管理机制健全性", ValueKind::kSustain}, {"{t}可扩展性", ValueKind::kSustain},
    {"制度执行有效性", ValueKind::kSustain},   {"设施设备应急制度健全性", ValueKind::kSustain},
    {"系统安全性可持续发展", ValueKind::kConditional}};
constexpr RowTemplate kSatisfactionRows[] = {
    {"服务对象满意度", ValueKind::kSatisfaction}, {"用户满意度", ValueKind::kSatisfaction},
    {"企业满意度", ValueKind::kSatisfaction},     {"培训对象满意率", ValueKind::kSatisfaction},
    {"来访团队满意度", ValueKind::kSatisfaction}, {"使用人群满意度", ValueKind::kSatisfaction},
    {"金融机构满意度", ValueKind::kSatisfaction}, {"用人单位满意度", ValueKind::kSatisfaction},
    {"用户对{t}的投诉次数", ValueKind::kComplaints}};

template <std::size_t N>
std::vector<RowTemplate> rows_of(const RowTemplate (&a)[N]) {
  return std::vector<RowTemplate>(a, a + N);
}

std::string fill(const char* pattern, Rng& rng, const ProjectPlan& plan) {
  std::string out(pattern);
  auto replace = [&](const std::string& key, const std::string& with) {
    std::size_t at = out.find(key);
    if (at != std::string::npos) out.replace(at, key.size(), with);
  };
  replace("{t}", plan.topic);
  replace("{w}", plan.works[rng.index(plan.works.size())]);
  return out;
}

std::string ascii_comparator(Comparator c) {
  switch (c) {
    case Comparator::kGe: return ">=";
    case Comparator::kLe: return "<=";
    case Comparator::kGt: return ">";
    case Comparator::kLt: return "<";
    default: return "=";
  }
}

// A quantitative value: number with `scale` significant decimals in the plain style.
struct Quantity {
  Comparator cmp;
  std::int64_t hundredths;  // number × 100
  std::string unit;
};

std::string print_number(std::int64_t hundredths, bool two_decimals) {
  if (two_decimals) return format_scaled_decimal(hundredths, 2, 2);
  return decimal_minimal(hundredths, 2);
}

std::string print_quantity(const Quantity& q, ValueStyle style, Rng& rng) {
  if (style == ValueStyle::kDecorated) {
    std::string out = std::string(comparator_symbol(q.cmp)) + print_number(q.hundredths, true);
    return q.unit.empty() ? out : out + "(" + q.unit + ")";
  }
  // Plain forms type ASCII comparators; a few rows carry the mathematical sign.
  std::string cmp = rng.percent(8) && q.cmp != Comparator::kEq
                        ? std::string(comparator_symbol(q.cmp))
                        : ascii_comparator(q.cmp);
  return cmp + print_number(q.hundredths, false) + q.unit;
}

std::string pick_word(Rng& rng, std::initializer_list<const char*> words) {
  return *(words.begin() + rng.index(words.size()));
}

std::string make_value(Rng& rng, const RowTemplate& row, ValueStyle style,
                       const ProjectPlan& plan) {
  ValueKind kind = row.kind;
  auto quantity = [&](Comparator cmp, std::int64_t number, std::string unit) {
    return print_quantity(Quantity{cmp, number * 100, std::move(unit)}, style, rng);
  };
  switch (kind) {
    case ValueKind::kCount: {
      static const char* kUnits[] = {"次", "个", "项", "件", "批", "人次/场"};
      std::int64_t n = rng.percent(60) ? rng.between(1, 60) : rng.between(1, 200) * 50;
      Comparator cmp = rng.percent(55) ? Comparator::kGe
                       : rng.percent(70) ? Comparator::kEq
                                         : Comparator::kLe;
      return quantity(cmp, n, *row.unit ? row.unit : rng.pick(kUnits));
    }
    case ValueKind::kRate:
    case ValueKind::kSatisfaction: {
      if (kind == ValueKind::kSatisfaction && rng.percent(15)) return "满意";
      static const std::int64_t kRates[] = {80, 85, 90, 90, 90, 95, 98, 100};
      std::int64_t r = rng.pick(kRates);
      Comparator cmp = r == 100 ? Comparator::kEq : Comparator::kGe;
      if (rng.percent(5)) return print_quantity(Quantity{cmp, 9950, "%"}, style, rng);
      return quantity(cmp, r, "%");
    }
    case ValueKind::kLowRate: return quantity(Comparator::kLe, rng.between(1, 10), "%");
    case ValueKind::kDuration: {
      switch (rng.between(0, 6)) {
        case 0: {
          static const std::int64_t kHours[] = {2, 4, 8, 24, 48, 72};
          return quantity(Comparator::kLe, rng.pick(kHours), "小时");
        }
        case 1: return quantity(Comparator::kLe, rng.between(3, 30), "分钟");
        case 2: return pick_word(rng, {"48小时内", "24小时内", "3个工作日内"});
        case 3: return std::to_string(plan.year) + "年" + std::to_string(rng.between(6, 12)) + "月底";
        case 4: return pick_word(rng, {"按计划及时完成", "按时完成", "当年内"});
        default: return "及时";
      }
    }
    case ValueKind::kMoney: {
      switch (rng.between(0, 5)) {
        case 0:
        case 1: return pick_word(rng, {"合理", "合理", "控制于预算内", "小于预算申请数"});
        case 2: {
          Quantity q{Comparator::kLe, rng.between(50, 5000) * 10, rng.percent(70) ? "万元" : "万"};
          return print_quantity(q, style, rng);
        }
        case 3: return quantity(Comparator::kEq, rng.between(1, 20) * 100, "元/月");
        case 4: return quantity(Comparator::kLe, rng.between(1, 30), "万元/场");
        default: return quantity(Comparator::kLe, rng.between(10, 200), "元/份");
      }
    }
    case ValueKind::kQuality:
      return pick_word(rng, {"达标", "稳定", "准确", "完整", "合格", "合法", "匹配", "良好"});
    case ValueKind::kEffect:
      return pick_word(rng, {"提升", "提高", "促进", "改善", "减少", "良好", "节省", "拓宽",
                             "无负面影响", "不超过系统正常运维成本"});
    case ValueKind::kSustain:
      return pick_word(rng, {"健全", "有效", "健全有效", "建立建全", "长期"});
    case ValueKind::kComplaints: {
      std::int64_t n = rng.between(1, 10);
      if (rng.percent(50)) return "全年≤" + std::to_string(n) + "次";
      return quantity(Comparator::kLe, n, "次");
    }
    case ValueKind::kRatePrefixed: {
      static const int kRates[] = {90, 95, 99};
      return "全年稳定运行率≥" + std::to_string(rng.pick(kRates)) + "%";
    }
    case ValueKind::kConditional:
      return "测评标准未大幅修改时，当年等保测评分≥上一期分数";
  }
  return "合理";
}

// One 二级 group: its name and the rows it may draw from.
struct Group {
  const char* l2;
  std::vector<RowTemplate> rows;
  int min_rows, max_rows;
};

}  // namespace

std::vector<Indicator> generate_indicators(Rng& rng, const DocumentStyle& style,
                                           const ProjectPlan& plan, int max_rows) {
  struct Level1 {
    const char* l1;
    std::vector<Group> groups;
  };
  std::vector<Group> cost = {{"经济成本指标", rows_of(kEconomicCost), 1, 2}};
  if (rng.percent(8)) cost.push_back({"社会成本指标", rows_of(kSocialCost), 1, 1});
  if (rng.percent(5)) cost.push_back({"生态环境成本指标", rows_of(kEcoCost), 1, 1});
  std::vector<Group> output = {{"数量指标", rows_of(kQuantity), 1, 4},
                               {"质量指标", rows_of(kQualityRows), 1, 3}};
  if (rng.percent(80)) output.push_back({"时效指标", rows_of(kTimeliness), 1, 3});
  std::vector<Group> benefit;
  if (rng.percent(30)) benefit.push_back({"经济效益指标", rows_of(kEconomicBenefit), 1, 2});
  if (rng.percent(75)) benefit.push_back({"社会效益指标", rows_of(kSocialBenefit), 1, 4});
  if (rng.percent(10)) benefit.push_back({"生态效益指标", rows_of(kEcoBenefit), 1, 1});
  if (rng.percent(55) || benefit.empty())
    benefit.push_back({"可持续影响指标", rows_of(kSustainable), 1, 3});
  std::vector<Group> satisfaction = {{"服务对象满意度指标", rows_of(kSatisfactionRows), 1, 3}};

  // Some tables lack 成本指标 altogether (a real review finding).
  bool has_cost = !rng.percent(5);
  std::vector<Level1> table;
  if (style.cost_under_output) {
    if (has_cost) {
      std::vector<RowTemplate> rows = rows_of(kEconomicCost);
      output.push_back({"成本指标", rows, 1, 3});
    }
    table = {{"产出指标", output}, {"效益指标", benefit}, {"满意度指标", satisfaction}};
  } else {
    table = {{"成本指标", has_cost ? cost : std::vector<Group>{}},
             {"产出指标", output},
             {"效益指标", benefit},
             {"满意度指标", satisfaction}};
  }

  std::vector<Indicator> out;
  std::vector<std::string> names;
  for (const auto& level1 : table) {
    for (const auto& group : level1.groups) {
      int rows = static_cast<int>(rng.between(group.min_rows, group.max_rows));
      for (int k = 0; k < rows && static_cast<int>(out.size()) < max_rows; ++k) {
        const RowTemplate& t = group.rows[rng.index(group.rows.size())];
        std::string name = fill(t.name, rng, plan);
        if (std::find(names.begin(), names.end(), name) != names.end()) continue;
        names.push_back(name);
        Indicator ind;
        ind.l1 = level1.l1;
        ind.l2 = group.l2;
        ind.name = name;
        ind.value = make_value(rng, t, style.value_style, plan);
        ind.target = Target::parse(ind.value);
        out.push_back(std::move(ind));
      }
    }
  }
  return out;
}

}  // namespace jixiao::synth::detail
