#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

// Thin wrappers for the libcurl entry points Swift cannot call directly.
// Everything else (curl_easy_init, curl_multi_poll, curl_slist_append, ...) is called from Swift as-is.

// Signature of CURLOPT_WRITEFUNCTION / CURLOPT_HEADERFUNCTION, named so Swift can pass a @convention(c) closure.
typedef size_t (*CCurl_DataCallback)(char *data, size_t size, size_t count, void *context);

// curl_global_init is not safe to race and CURL_GLOBAL_DEFAULT is a macro expression: run it once via pthread_once.
CURLcode CCurl_globalInitOnce(void);

// curl_easy_setopt is variadic; one typed entry point per argument kind.
CURLcode CCurl_setoptLong(CURL *easy, CURLoption option, long value);
// curl_easy_setopt is variadic: pointer arguments (strings, slists, userdata).
CURLcode CCurl_setoptPointer(CURL *easy, CURLoption option, const void *value);
// curl_easy_setopt is variadic: curl_off_t arguments (e.g. CURLOPT_POSTFIELDSIZE_LARGE).
CURLcode CCurl_setoptOffset(CURL *easy, CURLoption option, curl_off_t value);
// curl_easy_setopt is variadic: function-pointer arguments must not travel through void *.
CURLcode CCurl_setoptCallback(CURL *easy, CURLoption option, CCurl_DataCallback callback);

// curl_easy_getinfo is variadic: long results.
CURLcode CCurl_getinfoLong(CURL *easy, CURLINFO info, long *value);
// curl_easy_getinfo is variadic: curl_off_t results (the *_T timing infos).
CURLcode CCurl_getinfoOffset(CURL *easy, CURLINFO info, curl_off_t *value);

// curl_multi_setopt is variadic: long arguments.
CURLMcode CCurl_multiSetoptLong(CURLM *multi, CURLMoption option, long value);

// CURLMsg carries its result in an anonymous union; returns 1 and fills the out-params for each finished transfer, 0 when drained.
int CCurl_multiNextDone(CURLM *multi, CURL **easy, CURLcode *result);

// curl_version_info takes CURLVERSION_NOW, a macro; returns the runtime library's version text.
const char *CCurl_version(void);

#endif
