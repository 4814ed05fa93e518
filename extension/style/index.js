import './base.css';
import './collaboration.css';
