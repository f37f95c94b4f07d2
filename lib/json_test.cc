#include "newsevents/json.h"

#include "gtest/gtest.h"

namespace newsevents {
namespace {

TEST(ToJson, WritesEveryFieldOfTheContract) {
  Event event;
  event.doc = "a.txt";
  event.type = "deal";
  event.lang = "en";
  event.span = {0, 10};
  event.sentence = {0, 12};
  event.text = "say \"hi\"\n";
  event.rule = "en/deal/x";
  event.confidence = 0.9;
  Money money;
  money.amount = 1e9;
  money.currency = "USD";
  money.qualifier = Qualifier::kMoreThan;
  event.args.push_back({"value", "more than $1 billion", {1, 2}, money});
  event.args.push_back({"supplier", "HPE", {3, 6}, Organization{"Hewlett Packard Enterprise", "HPE"}});
  Percent range;
  range.is_range = true;
  range.min = 10;
  range.max = 20.5;
  event.args.push_back({"rate", "10-20.5%", {7, 9}, range});
  event.args.push_back({"product", "servers", {9, 10}, std::monostate{}});
  EXPECT_EQ(ToJson(event),
            "{\"doc\":\"a.txt\",\"lang\":\"en\",\"type\":\"deal\",\"span\":[0,10],"
            "\"sentence\":[0,12],\"text\":\"say \\\"hi\\\"\\n\",\"rule\":\"en/deal/x\","
            "\"confidence\":0.9,\"args\":{"
            "\"value\":{\"text\":\"more than $1 billion\",\"span\":[1,2],"
            "\"norm\":{\"amount\":1000000000,\"currency\":\"USD\",\"qualifier\":\"more_than\"}},"
            "\"supplier\":{\"text\":\"HPE\",\"span\":[3,6],"
            "\"norm\":\"Hewlett Packard Enterprise\",\"id\":\"HPE\"},"
            "\"rate\":{\"text\":\"10-20.5%\",\"span\":[7,9],\"norm\":{\"min\":10,\"max\":20.5}},"
            "\"product\":{\"text\":\"servers\",\"span\":[9,10]}}}");
}

TEST(ToJson, InvalidUtf8BecomesReplacementCharacters) {
  Event event;
  event.text = "a\xFF" "b\x01";
  const std::string json = ToJson(event);
  EXPECT_NE(json.find("\"text\":\"a\xEF\xBF\xBD" "b\\u0001\""), std::string::npos) << json;
}

TEST(ToJson, DatesCarryTheirModifierAndRelativeOffset) {
  Mention mention;
  mention.kind = MentionKind::kDate;
  mention.text = "late 2024";
  mention.span = {4, 13};
  Date late;
  late.iso = "2024";
  late.grain = "year";
  late.modifier = "late";
  mention.norm = late;
  EXPECT_EQ(ToJson(mention),
            "{\"kind\":\"date\",\"text\":\"late 2024\",\"span\":[4,13],"
            "\"norm\":{\"iso\":\"2024\",\"grain\":\"year\",\"modifier\":\"late\"}}");
  Date last_week;
  last_week.grain = "week";
  last_week.relative = true;
  last_week.offset = -1;
  mention.norm = last_week;
  EXPECT_NE(ToJson(mention).find(
                "\"norm\":{\"iso\":\"\",\"grain\":\"week\",\"relative\":true,\"offset\":-1}"),
            std::string::npos);
}

}  // namespace
}  // namespace newsevents
