/* Two threads besides the main one, each with a loop: --stats=yes must
   count three threads and the blocks of all of them. */
#include <pthread.h>
#include <stdio.h>

static void* spin(void* arg)
{
   volatile long sum = 0;
   for (long i = 0; i < 100000; i++)
      sum += i;
   return arg;
}

int main(void)
{
   pthread_t t[2];
   for (int i = 0; i < 2; i++)
      pthread_create(&t[i], NULL, spin, NULL);
   for (int i = 0; i < 2; i++)
      pthread_join(t[i], NULL);
   printf("joined\n");
   return 0;
}
