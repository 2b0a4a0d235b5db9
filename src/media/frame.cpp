// Being written (media/frame.h).
#include "media/frame.h"
