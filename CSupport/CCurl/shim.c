#include "CCurl.h"

#include <pthread.h>

static pthread_once_t globalInitOnce = PTHREAD_ONCE_INIT;
static CURLcode globalInitResult = CURLE_FAILED_INIT;

static void globalInit(void) { globalInitResult = curl_global_init(CURL_GLOBAL_DEFAULT); }

CURLcode CCurl_globalInitOnce(void) {
    pthread_once(&globalInitOnce, globalInit);
    return globalInitResult;
}

CURLcode CCurl_setoptLong(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode CCurl_setoptPointer(CURL *easy, CURLoption option, const void *value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode CCurl_setoptOffset(CURL *easy, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(easy, option, value);
}

CURLcode CCurl_setoptCallback(CURL *easy, CURLoption option, CCurl_DataCallback callback) {
    return curl_easy_setopt(easy, option, callback);
}

CURLcode CCurl_getinfoLong(CURL *easy, CURLINFO info, long *value) {
    return curl_easy_getinfo(easy, info, value);
}

CURLcode CCurl_getinfoOffset(CURL *easy, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(easy, info, value);
}

CURLMcode CCurl_multiSetoptLong(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

int CCurl_multiNextDone(CURLM *multi, CURL **easy, CURLcode *result) {
    int remaining = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &remaining)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *easy = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

const char *CCurl_version(void) {
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    return info ? info->version : "unknown";
}
