import './base.css';
import './collaboration.css';
import './interactive.css';
import './tutor.css';
