/* SSE arithmetic and conversions under each of the four rounding modes
   (fesetround sets MXCSR): a run of FP ops shares one MXCSR load in
   translated code, and the conversions in between must still round as
   the mode says. */
#include <fenv.h>
#include <stdio.h>
#include <emmintrin.h>
int main(void)
{
   const int modes[4] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
   volatile double third = 1.0 / 3.0, x = 0;
   volatile long big = 123456789012345679L;
   for (int m = 0; m < 4; m++) {
      fesetround(modes[m]);
      double acc = 0;
      for (int i = 1; i < 1000; i++) {
         acc += third * i;            /* rounded ops */
         acc -= (double)(big + i);    /* cvtsi2sd: rounding-sensitive */
         acc += (double)(big + i);
         __m128 f = _mm_cvtepi32_ps(_mm_set1_epi32(16777217 + i)); /* cvtdq2ps */
         acc += _mm_cvtss_f32(f) - 16777217.0;
         x += (float)acc;             /* cvtsd2ss */
      }
      printf("mode %d: %a %a\n", m, acc, x);
   }
   return 0;
}
