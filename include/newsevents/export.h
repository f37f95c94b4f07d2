// NEWSEVENTS_EXPORT marks the symbols that make up the public ABI.
//
// The library is built with hidden visibility, so only what is marked here is
// exported from libnewsevents.so; everything else (and every third-party symbol
// it links privately) stays internal. Static builds define NEWSEVENTS_STATIC
// (the exported CMake target and the .pc file do that for consumers).
#ifndef NEWSEVENTS_EXPORT_H_
#define NEWSEVENTS_EXPORT_H_

#if defined(NEWSEVENTS_STATIC)
#define NEWSEVENTS_EXPORT
#elif defined(_WIN32)
#if defined(NEWSEVENTS_BUILDING)
#define NEWSEVENTS_EXPORT __declspec(dllexport)
#else
#define NEWSEVENTS_EXPORT __declspec(dllimport)
#endif
#else
#define NEWSEVENTS_EXPORT __attribute__((visibility("default")))
#endif

#endif  // NEWSEVENTS_EXPORT_H_
