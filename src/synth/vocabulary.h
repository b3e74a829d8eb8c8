// Word lists for generated declarations. The words come from published Shanghai district
// declarations (../shared/samples) and the domain reference (../shared/docs/domain-rules.md);
// the generator combines them at random, so generated documents read like real ones without
// copying any of them.
#pragma once

#include <string_view>

namespace jixiao::synth::vocab {

using W = std::string_view;

inline constexpr W kDistricts[] = {
    "松江区", "普陀区", "闵行区", "浦东新区", "嘉定区", "青浦区", "奉贤区", "金山区",
    "宝山区", "徐汇区", "长宁区", "静安区", "杨浦区", "虹口区", "黄浦区", "崇明区"};

// Supervising departments (主管部门), after "上海市<district>".
inline constexpr W kDepartments[] = {
    "人民政府办公室", "科学技术委员会", "司法局", "商务委员会", "财政局", "教育局", "民政局",
    "卫生健康委员会", "生态环境局", "文化和旅游局", "人力资源和社会保障局", "市场监督管理局",
    "城市管理行政执法局", "绿化和市容管理局", "体育局", "退役军人事务局", "发展和改革委员会",
    "万里街道办事处", "长征镇人民政府", "方松街道办事处", "中山街道办事处", "岳阳街道办事处"};

// Budget units under a department (实施单位), after "上海市<district>".
inline constexpr W kUnits[] = {
    "大数据中心", "科技创新服务中心", "法律援助中心", "社区事务受理服务中心", "城市运行管理中心",
    "档案馆", "机关事务管理中心", "公共法律服务中心", "商务发展服务中心", "社区文化活动中心",
    "青少年活动中心", "就业促进中心", "卫生健康监督所", "疾病预防控制中心", "环境监测站",
    "市容环境卫生管理所", "绿化管理所", "社会组织服务中心", "融媒体中心", "人才服务中心"};

// Offices inside a unit (科室), for 实施主体 sentences.
inline constexpr W kOffices[] = {
    "对口支援科", "政务公开科", "外事交流管理科", "文秘科", "行政科", "电子政务管理部",
    "政务信息安全部", "科技金融部", "社保卡服务部", "外国专家人才服务部", "综合办公室",
    "财务科", "法制科", "宣传科", "业务管理科", "信息技术科", "社区事务科"};

// Work topics that project names and sentences are built around.
inline constexpr W kTopics[] = {
    "政务外网", "门户网站", "大数据资源平台", "政务云", "协同办公平台", "网络信息系统",
    "短信平台", "社保卡", "外国人工作许可", "科技金融", "法律顾问", "政务公开", "建议提案",
    "规范性文件", "公务接待", "外事交流", "对口支援", "合作交流", "信息安全", "等级保护测评",
    "档案数字化", "政务机房", "编外人员", "稳增长", "社区服务", "法律援助", "人民调解",
    "社区矫正", "商务发展", "消费促进", "市容环境", "绿化养护", "垃圾分类", "为老服务",
    "就业援助", "政府公报", "数据运营", "网站群安全", "视频新闻", "公共法律服务",
    "科普宣传", "河道保洁", "安全生产", "应急管理", "志愿服务", "文化活动", "全民健身"};

// Project name endings: name = topic + ending (+ optional suffix).
inline constexpr W kNameEndings[] = {
    "运行与维护", "管理", "建设", "运维服务项目", "宣传活动费", "专项经费", "工作经费",
    "购买服务", "升级改造", "测评费", "培训", "设备更新、维护费", "服务管理", "保障",
    "宣传与推广", "开发、升级、建设", "服务项目", "专项检查", "日常运营", "推广应用"};

inline constexpr W kNameSuffixes[] = {"（运维）", "（历年已批复）", "（一期）", "（二期）",
                                      "（外专服务）", "（本级）"};

inline constexpr W kNatures[] = {"其他经常性项目", "其他经常性项目", "其他经常性项目",
                                 "一次性项目", "经常性项目", "跨年度项目"};
inline constexpr W kCategoriesDeclaration[] = {"其他运转类", "其他运转类", "特定目标类",
                                               "公用经费类"};
inline constexpr W kCategoriesFilling[] = {"经常性项目", "经常性项目", "一次性项目"};

// Pieces of work (实施内容) used in 项目概述, 实施方案 and goals.
inline constexpr W kWorks[] = {
    "机房管理服务", "应用服务器和系统管理服务", "网络服务", "虚拟化平台服务", "存储系统服务",
    "信息安全服务", "安全咨询服务", "应急演练服务", "巡检服务", "网站安全监控", "漏洞扫描",
    "渗透性测试", "源代码审计", "数据资源归集", "目录编制和更新", "数据共享需求对接",
    "专题库建设", "平台安全运营管理", "宣传品制作", "宣传单印发", "政策培训", "银企对接沙龙",
    "设备维护", "耗材采购", "驻场运维", "等保测评", "第三方评估", "公报印刷", "政策解读",
    "场地租赁", "专家咨询", "数据采集与数据分析", "档案整理", "志愿者招募", "入户走访",
    "设施巡查", "隐患排查", "信息发布", "课程开发", "活动组织"};

// Verb phrases and results for goals (项目总目标 / 年度总体目标) and overviews.
inline constexpr W kGoalVerbs[] = {"确保", "保障", "推进", "加强", "提升", "完善", "促进",
                                   "做好", "巩固", "深化"};
inline constexpr W kGoalObjects[] = {
    "系统安全稳定运行", "各项工作有序开展", "服务质量和管理水平", "政务信息公开透明度",
    "网络运行安全的整体支撑能力", "群众办事便利度", "区域共同发展", "长效管理机制",
    "数据安全防护能力", "公共服务供给", "企业对政策的知晓度", "项目资金使用效益",
    "突发事件处置能力", "设施设备完好率", "居民生活环境", "部门间协同效率"};
inline constexpr W kGoalTails[] = {
    "位于全市前列", "达到规定的服务质量标准", "顺利开展", "平稳有序", "取得实效",
    "满足各部门业务需求", "符合相关管理规定", "得到有效保障", "持续改善"};

// Policy documents cited in 立项依据 (generic titles; "<district>" is filled in).
inline constexpr W kPolicyHeads[] = {
    "关于全面推行", "关于进一步加强", "关于做好", "关于加快推进", "关于印发", "关于深化"};
inline constexpr W kPolicyTails[] = {
    "工作的实施意见", "管理办法", "工作方案", "三年行动计划", "专项规划", "考核办法",
    "工作要点的通知", "实施细则"};
inline constexpr W kNationalPolicies[] = {
    "《中华人民共和国政府信息公开条例》", "《信息安全等级保护管理办法》（公通字[2007] 43 号）",
    "《上海市公共数据和一网通办管理办法》（沪府令〔2018〕9号）",
    "《网络安全等级保护基本要求》（GB/T 22239-2019）", "《上海市政府信息公开规定》",
    "《上海市加强成本预算绩效管理的实施方案》（沪府办发〔2023〕16号）",
    "《项目支出绩效评价管理办法》（财预〔2020〕10号）"};

// Budget line items (项目组成): the unit of their quantity and their price class.
enum class PriceClass { kPiece, kPerson, kService };
struct LineItemWord {
  W name;
  W quantity_unit;
  PriceClass price;
};
inline constexpr LineItemWord kLineItems[] = {
    {"制作宣传单", "份", PriceClass::kPiece}, {"制作宣传品", "份", PriceClass::kPiece},
    {"餐费（市外）", "人", PriceClass::kPerson}, {"餐费（工作人员）", "人", PriceClass::kPerson},
    {"租车费", "公里", PriceClass::kPiece}, {"翻译费", "人", PriceClass::kPerson},
    {"讲课费", "场", PriceClass::kPerson}, {"维保费（维护费）", "台", PriceClass::kService},
    {"驻场运维服务", "人", PriceClass::kService}, {"等保测评", "项", PriceClass::kService},
    {"第三方评测", "项", PriceClass::kService}, {"项目监理", "项", PriceClass::kService},
    {"印刷费", "本", PriceClass::kPiece}, {"专家咨询", "人次", PriceClass::kPerson},
    {"数据采集与数据分析", "项", PriceClass::kService}, {"劳务费", "人", PriceClass::kPerson},
    {"交通费", "次", PriceClass::kPerson}, {"邮寄费", "批", PriceClass::kPiece},
    {"电脑耗材", "批", PriceClass::kPerson}, {"制卡专用设备彩色带（耗材）", "卷", PriceClass::kPerson},
    {"场地租赁", "场", PriceClass::kService}, {"设备更新", "台", PriceClass::kPerson},
    {"线路租用费", "条", PriceClass::kService}, {"网站测评", "次", PriceClass::kPerson},
    {"短信服务", "条", PriceClass::kPiece}, {"志愿者补贴", "人", PriceClass::kPerson},
    {"活动物料", "批", PriceClass::kPerson}, {"体检费", "人", PriceClass::kPerson},
    {"课程开发", "门", PriceClass::kService}};

// Organisation words for 实施主体.
inline constexpr W kDuties[] = {
    "负责全区电子政务基础设施的建设、维护和日常管理", "负责区级门户网站内容建设和信息更新维护",
    "负责本区政务公开工作的推进、指导、协调和监督", "负责对口地区的联系和合作事项推进",
    "负责来访团组的接待和外事活动安排", "负责全区公共数据的归集和融合应用",
    "负责政策宣传和企业服务", "负责社区事务受理和便民服务", "负责法律援助案件的受理和指派"};

}  // namespace jixiao::synth::vocab
