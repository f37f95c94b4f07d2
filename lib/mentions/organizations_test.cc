#include "mentions/organizations.h"

#include <string>
#include <vector>

#include "embedded.h"
#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

std::vector<std::string> Names(const OrganizationRecognizer& recognizer, std::string_view text) {
  std::vector<FoundMention> found;
  recognizer.Find(text, &found);
  std::vector<std::string> names;
  for (const FoundMention& mention : found) {
    names.push_back(std::get<Organization>(mention.value).name);
  }
  return names;
}

TEST(OrganizationRecognizer, TheBuiltInListHoldsAtLeast300Entities) {
  auto made = OrganizationRecognizer::Create(
      {{"data/organizations.tsv", FindEmbedded("data/organizations.tsv")}});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_GE(made.value()->size(), 300u);
}

TEST(OrganizationRecognizer, LaterListsAddAndOverride) {
  auto made = OrganizationRecognizer::Create(
      {{"built-in.tsv", "Dell Technologies\tDELL\tcompany\tDell\n"},
       {"user.tsv", "# mine\nCalorel\tCLR.PA\tcompany\tGroupe Calorel\n"
                    "Dell Inc.\t\tcompany\tDell\n"}});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(Names(*made.value(), "Groupe Calorel and Dell"),
            (std::vector<std::string>{"Calorel", "Dell Inc."}));
}

TEST(OrganizationRecognizer, MarkersMakeAnAliasNeedItsContext) {
  auto made = OrganizationRecognizer::Create(
      {{"list.tsv", "X\t\tcompany\t?X|social network X\nApple\tAAPL\tcompany\t~Apple\n"}});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  const OrganizationRecognizer& recognizer = *made.value();
  EXPECT_TRUE(Names(recognizer, "Model X sales").empty());
  EXPECT_EQ(Names(recognizer, "X said on Monday").size(), 1u);
  EXPECT_EQ(Names(recognizer, "a deal with Musk's X").size(), 1u);
  EXPECT_TRUE(Names(recognizer, "Apple pie").empty());
  EXPECT_EQ(Names(recognizer, "It sells to Apple").size(), 1u);
}

TEST(OrganizationRecognizer, MalformedLinesAreAllReportedWithPathAndLine) {
  auto made = OrganizationRecognizer::Create(
      {{"user.tsv", "ok\t\tcompany\tOk Corp\nbroken line\nalso\tbroken\n"}});
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.status().message().find("user.tsv:2"), std::string::npos);
  EXPECT_NE(made.status().message().find("user.tsv:3"), std::string::npos);
}

}  // namespace
}  // namespace newsevents::internal
