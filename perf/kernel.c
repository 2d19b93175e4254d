/* A compiled C kernel for the benchmark: integer and floating-point work
   with array traffic (a small matrix multiply and a sieve). */
#include <stdio.h>
#include <stdlib.h>

static unsigned sieve(unsigned n)
{
   unsigned char* composite = calloc(n + 1, 1);
   unsigned count = 0;
   for (unsigned i = 2; i <= n; i++) {
      if (composite[i])
         continue;
      count++;
      for (unsigned long j = (unsigned long)i * i; j <= n; j += i)
         composite[j] = 1;
   }
   free(composite);
   return count;
}

static double matmul(int n)
{
   double* a = malloc(sizeof(double) * n * n);
   double* b = malloc(sizeof(double) * n * n);
   double* c = calloc((size_t)n * n, sizeof(double));
   for (int i = 0; i < n * n; i++) {
      a[i] = (i % 7) * 0.5;
      b[i] = (i % 5) * 0.25;
   }
   for (int i = 0; i < n; i++)
      for (int k = 0; k < n; k++)
         for (int j = 0; j < n; j++)
            c[i * n + j] += a[i * n + k] * b[k * n + j];
   double sum = 0;
   for (int i = 0; i < n * n; i++)
      sum += c[i];
   free(a); free(b); free(c);
   return sum;
}

int main(void)
{
   printf("primes: %u\n", sieve(20000000));
   printf("matmul: %.1f\n", matmul(300));
   return 0;
}
