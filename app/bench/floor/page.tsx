import { notFound } from 'next/navigation';
import { env } from '@/lib/env';

// The benchmark's floor: a dynamic page that reads nothing, so its throughput is what Next.js
// itself costs per request on this machine. Served only when the load benchmark asks for it.
export const dynamic = 'force-dynamic';

export default function BenchFloorPage() {
  if (env().DX_BENCH_FLOOR !== '1') notFound();
  return <p>floor</p>;
}
