export { Recent } from '@/lib/stats/recent';
