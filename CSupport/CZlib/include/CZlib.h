#ifndef CZLIB_H
#define CZLIB_H
#endif
