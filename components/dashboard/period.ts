export { periodBounds } from '@/lib/stats/period';
