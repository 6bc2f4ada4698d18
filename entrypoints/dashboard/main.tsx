import '@/components/ui/base.css';
import ReactDOM from 'react-dom/client';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { openDatabase } from '@/lib/db/database';

const root = document.getElementById('root');
if (root) ReactDOM.createRoot(root).render(<Dashboard db={openDatabase()} />);
