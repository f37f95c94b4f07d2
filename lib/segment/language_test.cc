#include "segment/language.h"

#include "gtest/gtest.h"

namespace newsevents::internal {
namespace {

TEST(DetectLanguage, ShortSentences) {
  EXPECT_EQ(DetectLanguage("Le titre a recul\xC3\xA9 de 3 %."), "fr");
  EXPECT_EQ(DetectLanguage("Dell shares slipped."), "en");
}

TEST(DetectLanguage, Paragraphs) {
  EXPECT_EQ(DetectLanguage("The company said on Monday that its orders were moved to "
                           "a rival supplier, according to people familiar with the matter."),
            "en");
  EXPECT_EQ(DetectLanguage("La soci\xC3\xA9t\xC3\xA9 a annonc\xC3\xA9 lundi que ses commandes "
                           "avaient \xC3\xA9t\xC3\xA9 transf\xC3\xA9r\xC3\xA9" "es vers un concurrent."),
            "fr");
}

TEST(DetectLanguage, NeitherIsUndetermined) {
  EXPECT_EQ(DetectLanguage(""), "und");
  EXPECT_EQ(DetectLanguage("12345 67.89"), "und");
  EXPECT_EQ(DetectLanguage("Die Aktie von Siemens stieg am Montag deutlich an, sagten H\xC3\xA4ndler."),
            "und");
}

}  // namespace
}  // namespace newsevents::internal

namespace newsevents::internal {
namespace {

TEST(DetectLanguage, OtherEuropeanLanguagesAreUndetermined) {
  EXPECT_EQ(DetectLanguage("Het bedrijf heeft de orders van de klant niet ontvangen."), "und");
  EXPECT_EQ(DetectLanguage("La empresa y los clientes firmaron el contrato por una suma."), "und");
}

}  // namespace
}  // namespace newsevents::internal

namespace newsevents::internal {
namespace {

// Each cue alone, on words short and long (a word past 16 bytes is never a
// listed word, and its cues still count).
TEST(DetectLanguage, EachCueCounts) {
  // -é (half) and an accented letter (half).
  EXPECT_EQ(DetectLanguage("Ment\xC3\xA9"), "fr");
  // An accented letter inside a word is only half a point.
  EXPECT_EQ(DetectLanguage("xx\xC3\xA9xx"), "und");
  // An elision (one), in any case, on a word longer than any listed one.
  EXPECT_EQ(DetectLanguage("l'internationalisation"), "fr");
  EXPECT_EQ(DetectLanguage("L'INTERNATIONALISATION"), "fr");
  // -ed (half) and th, w (a quarter) are not enough alone; twice they are.
  EXPECT_EQ(DetectLanguage("Thwarted"), "und");
  EXPECT_EQ(DetectLanguage("thwarted walked"), "en");
  // A listed word after a long unlisted one.
  EXPECT_EQ(DetectLanguage("abcdefghijklmnopqrstuvwxyzthe the"), "en");
}

}  // namespace
}  // namespace newsevents::internal
