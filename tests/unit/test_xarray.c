/* Unit tests of the growable array. */
#include "pub_core_basics.h"
#include "pub_core_mallocfree.h"
#include "pub_core_xarray.h"
#include "unit.h"

UNIT_TEST(xarray_grows_and_keeps_elements)
{
   XArray* xa = VG_(newXA)(VG_(malloc), "t.xa", VG_(free), sizeof(Long));
   UT_CHECK_EQ(VG_(sizeXA)(xa), 0);
   for (Long i = 0; i < 10000; i++) {
      Long v = i * 3 - 7;
      UT_CHECK_EQ(VG_(addToXA)(xa, &v), i);
   }
   UT_CHECK_EQ(VG_(sizeXA)(xa), 10000);
   for (Long i = 0; i < 10000; i++)
      UT_CHECK_EQ(*(Long*)VG_(indexXA)(xa, i), i * 3 - 7);
   VG_(deleteXA)(xa);
}

UNIT_TEST(xarray_drop_all_then_reuse)
{
   XArray* xa = VG_(newXA)(VG_(malloc), "t.xa", VG_(free), 3);
   const char abc[3] = { 'a', 'b', 'c' };
   for (int i = 0; i < 5; i++)
      VG_(addToXA)(xa, abc);
   VG_(dropAllXA)(xa);
   UT_CHECK_EQ(VG_(sizeXA)(xa), 0);
   const char xyz[3] = { 'x', 'y', 'z' };
   VG_(addToXA)(xa, xyz);
   UT_CHECK_EQ(((char*)VG_(indexXA)(xa, 0))[2], 'z');
   VG_(deleteXA)(xa);
}
