#ifndef COPENSSL_H
#define COPENSSL_H
#endif
