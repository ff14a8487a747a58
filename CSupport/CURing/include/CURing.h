#ifndef CURING_H
#define CURING_H
#endif
