// Being written (media/player.h).
#include "media/player.h"
